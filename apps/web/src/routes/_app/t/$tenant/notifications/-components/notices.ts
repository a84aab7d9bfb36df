import type { NotificationDto } from '@uc/contracts';

export type NoticeFilter = 'all' | 'unread';
export type NoticeGroup = 'agreement' | 'meeting' | 'item' | 'booking' | 'other';

/** The first part of a notice kind → the subject it is about (milestone.overdue is about a joint item). */
const GROUPS: Record<string, NoticeGroup> = { agreement: 'agreement', meeting: 'meeting', milestone: 'item', item: 'item', booking: 'booking' };

/** What the centre lists: unread first, newest first within each (ISO instants sort as text). */
export function arrangeNotices(items: readonly NotificationDto[], filter: NoticeFilter): NotificationDto[] {
  return items
    .filter((n) => filter === 'all' || !n.read)
    .sort((a, b) => Number(a.read) - Number(b.read) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * The path inside this app a notice links to (/t/ningbo/agreements/…), or null when it has none
 * or points elsewhere: only same-origin links are followed, so a notice can never send anyone off-site.
 */
export function inAppPath(link: string | null, origin: string): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The subject a notice's kind (agreement.signed, meeting.scheduled) belongs to, for its tag. */
export function noticeGroup(kind: string): NoticeGroup {
  const head = kind.split('.')[0] ?? '';
  return Object.hasOwn(GROUPS, head) ? GROUPS[head]! : 'other';
}
