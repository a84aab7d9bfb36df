// The audit log's public surface: every module records its events through recordAudit.
export { listAuditEvents } from './audit.query.ts';
export { auditRouter } from './audit.router.ts';
export type { AuditEvent } from './audit.types.ts';
export { GENESIS_HASH, hashEvent, recordAudit } from './audit.write.ts';
