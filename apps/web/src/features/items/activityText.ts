import type { ActivityDto } from '@uc/contracts';
import { isUiKey } from '@/lib/i18n.ts';
import type { TFunction } from '@/lib/locale.ts';

/** The event in words (确认了时间节点…); a type this version does not know shows as is. */
export function activityLabel(t: TFunction, type: string): string {
  const key = `items.act.type.${type}`;
  return isUiKey(key) ? t(key) : type;
}

/** A status, health or phase code in words; other values as they are. */
function valueText(t: TFunction, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    for (const prefix of ['items.status.', 'items.health.', 'items.phase.', 'items.kind.']) {
      const key = `${prefix}${value}`;
      if (isUiKey(key)) return t(key);
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

const SHOWN = ['title', 'milestoneTitle', 'filename', 'health', 'status', 'reason', 'count', 'imported'] as const;

/**
 * What changed, in one line: the milestone or file named, the health or status, from → to, the
 * reason given. Ids, versions and anything nested stay out.
 */
export function activityDetail(t: TFunction, data: ActivityDto['data']): string {
  const parts: string[] = [];
  for (const key of SHOWN) {
    const v = data[key];
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    parts.push(key === 'reason' ? `“${String(v)}”` : valueText(t, v));
  }
  const plain = (v: unknown) => v === null || typeof v !== 'object';
  if ('from' in data && 'to' in data && plain(data.from) && plain(data.to)) {
    parts.push(`${valueText(t, data.from)} → ${valueText(t, data.to)}`);
  }
  return parts.filter(Boolean).join(' · ');
}
