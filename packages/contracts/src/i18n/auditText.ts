import { ROLES, type Role } from '../common.ts';
import type { UiKey } from './ui.zh-CN.ts';

// Audit events in words, for the audit log on screen and its Excel export (the API renders the
// same text the page shows).

/**
 * t(key, vars): a message of the ui catalogues in the reader's language; t.has(key): whether a string
 * built at run time (an audit event type, say) names a message. The caller brings both, so this
 * module imports no catalogue: the web loads only the reader's language (decisions/0030).
 */
export interface AuditT {
  (key: UiKey, vars?: Record<string, string | number>): string;
  has(key: string): key is UiKey;
}
type TFunction = AuditT;

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** An audit event type in words (登录, 批量导入会员…); a type this version does not know shows as is. */
export function auditTypeLabel(t: TFunction, type: string): string {
  const key = `audit.type.${type}`;
  return t.has(key) ? t(key) : type;
}

export function auditEntityLabel(t: TFunction, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return t.has(key) ? t(key) : entityType;
}

/** codes such as 'plan', 'hangzhou' or 'openNegotiation' say nothing to a reader; statuses and roles get their names */
const CODE = /^[a-z][a-zA-Z_]*$/;

/** where a recorded status code finds its name: agreements, joint items, bookings, progress health */
const STATUS_NAMESPACES = ['agreementStatus.', 'items.status.', 'booking.state.', 'items.health.'] as const;

function valueText(t: TFunction, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => valueText(t, v)).filter(Boolean).join('、');
  if (isRole(value)) return t(`role.${value}`);
  const status = STATUS_NAMESPACES.map((ns) => `${ns}${String(value)}`).find((k): k is UiKey => t.has(k));
  if (status) return t(status);
  if (typeof value === 'string') return CODE.test(value) ? '' : value;
  if (value && typeof value === 'object') return '';
  return String(value);
}

/** technical facts that mean nothing to a reader: ids, hashes, MIME types (the 技术信息 stays in the record) */
const TECHNICAL = /Ids?$|Hash$|^sha256$|^contentType$|^userAgent$|^ip$/;

/** "623 B", "1.2 MB" */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One recorded fact in words: a number or yes/no always with what it counts ("第 1 轮",
 * "各方均已确认，节点完成"), never bare ("1 · true"); a number or flag without words is left out.
 */
function fieldText(t: TFunction, key: string, value: unknown): string {
  if (typeof value === 'boolean') {
    const k = `audit.field.${key}.${value}`;
    return t.has(k) ? t(k) : '';
  }
  const label = `audit.field.${key}`;
  if (typeof value === 'number') return t.has(label) ? t(label, { value: key === 'size' ? fileSize(value) : value }) : '';
  const text = valueText(t, value);
  return text && t.has(label) ? t(label, { value: text }) : text;
}

/** The event's data in one line (the email, roles, names, counts it recorded; from → to), without ids, hashes or codes. */
export function auditSummary(t: TFunction, data: Record<string, unknown>): string {
  const shown = Object.entries(data).filter(([k, v]) => v !== null && v !== undefined && v !== '' && !TECHNICAL.test(k));
  const parts = shown.filter(([k]) => k !== 'from' && k !== 'to').map(([k, v]) => fieldText(t, k, v)).filter(Boolean);
  const [from, to] = [valueText(t, data.from), valueText(t, data.to)];
  if ('from' in data && 'to' in data && (from || to)) parts.push(`${from || '—'} → ${to || '—'}`);
  return parts.join(' · ');
}
