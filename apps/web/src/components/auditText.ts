import { auditEntityLabel as entityLabel, auditSummary as summary, auditTypeLabel as typeLabel, type AuditT } from '@uc/contracts/i18n/auditText';
import { isUiKey, type MessageVars, type UiKey } from '../lib/i18n.ts';

// Audit events in words: shared with the API's audit-log export (packages/contracts/src/i18n/auditText.ts),
// imported by its own path so no catalogue comes with it (the page loads only the reader's language).

type T = (key: UiKey, vars?: MessageVars) => string;
const withKeys = (t: T): AuditT => Object.assign((key: UiKey, vars?: MessageVars) => t(key, vars), { has: isUiKey });

export const auditTypeLabel = (t: T, type: string) => typeLabel(withKeys(t), type);
export const auditEntityLabel = (t: T, entityType: string) => entityLabel(withKeys(t), entityType);
export const auditSummary = (t: T, data: Record<string, unknown>) => summary(withKeys(t), data);
