// The platform operator: onboarding and suspending federations, the platform audit chain, the operator CLI.
export { createFederation, reactivateFederation, suspendFederation } from './federation.write.ts';
export { createOperator } from './operator.write.ts';
export type { PlatformCtx } from './platform.types.ts';
export { platformRouter } from './platform.router.ts';
export { verifyPlatformAudit } from './platformAudit.query.ts';
