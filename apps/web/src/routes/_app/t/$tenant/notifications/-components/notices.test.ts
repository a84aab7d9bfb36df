import type { NotificationDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { arrangeNotices, inAppPath, noticeGroup } from './notices.ts';

const notice = (id: string, read: boolean, createdAt: string): NotificationDto => ({ id, kind: 'meeting.scheduled', title: id, body: '', link: null, read, createdAt });

describe('arrangeNotices', () => {
  const items = [
    notice('old-read', true, '2026-03-01T02:00:00.000Z'),
    notice('new-read', true, '2026-03-05T02:00:00.000Z'),
    notice('old-unread', false, '2026-03-02T02:00:00.000Z'),
    notice('new-unread', false, '2026-03-04T02:00:00.000Z'),
  ];

  it('puts unread notices first, newest first within each', () => {
    expect(arrangeNotices(items, 'all').map((n) => n.id)).toEqual(['new-unread', 'old-unread', 'new-read', 'old-read']);
  });

  it('keeps only the unread ones when filtered, without reordering the input', () => {
    expect(arrangeNotices(items, 'unread').map((n) => n.id)).toEqual(['new-unread', 'old-unread']);
    expect(items[0]!.id).toBe('old-read');
  });
});

describe('inAppPath', () => {
  const origin = 'https://uc.example.cn';

  it('follows the paths the API writes, with their query and hash', () => {
    expect(inAppPath('/t/ningbo/agreements/a1/meetings/m1', origin)).toBe('/t/ningbo/agreements/a1/meetings/m1');
    expect(inAppPath('/t/ningbo/agreements/a1?tab=sign#v2', origin)).toBe('/t/ningbo/agreements/a1?tab=sign#v2');
    expect(inAppPath('https://uc.example.cn/t/ningbo', origin)).toBe('/t/ningbo');
  });

  it('refuses links that would leave the app', () => {
    expect(inAppPath(null, origin)).toBeNull();
    expect(inAppPath('', origin)).toBeNull();
    expect(inAppPath('//evil.example.com/t/ningbo', origin)).toBeNull();
    expect(inAppPath('https://evil.example.com/t/ningbo', origin)).toBeNull();
    expect(inAppPath('javascript:alert(1)', origin)).toBeNull();
  });
});

describe('noticeGroup', () => {
  it('groups kinds by their subject', () => {
    expect(noticeGroup('agreement.sign_requested')).toBe('agreement');
    expect(noticeGroup('meeting.scheduled')).toBe('meeting');
    expect(noticeGroup('milestone.overdue')).toBe('item');
    expect(noticeGroup('booking.confirmed')).toBe('booking');
    expect(noticeGroup('something.new')).toBe('other');
    expect(noticeGroup('toString')).toBe('other');
  });
});
