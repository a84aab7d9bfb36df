// The audit log's public surface: every module records its events through recordAudit.
export { listAuditEvents, verifyAuditChain } from './audit.query.ts';
export { auditRouter } from './audit.router.ts';
export type { AuditEvent } from './audit.types.ts';
export { chainHash, configureAuditKey, contentHashOf } from './audit.crypto.ts';
export { GENESIS_HASH, hashEvent, recordAudit } from './audit.write.ts';
export { sealAll, sealChain } from './seal.write.ts';
export { runAuditAnchors } from './anchor.job.ts';
export { registerStatementDownload as register } from './statement.download.ts';
