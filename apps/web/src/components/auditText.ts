// Audit events in words: shared with the API's audit-log export (packages/contracts/src/i18n/auditText.ts).
export { auditEntityLabel, auditSummary, auditTypeLabel } from '@uc/contracts/i18n';
