import type { CommentDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { acceptsComments } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';
import { openThreadCount, threadsOf } from './commentThreads.ts';

const person: CommentDto['author'] = { kind: 'person', name: '张伟', title: '主席', unit: '杭州市总工会' };
const c = (id: string, at: string, extra: Partial<CommentDto> = {}): CommentDto => ({
  id,
  versionId: 'v1',
  versionNumber: 1,
  clauseKey: 'care',
  authorSlug: 'hangzhou',
  author: person,
  addressedToSlug: null,
  body: id,
  createdAt: at,
  parentId: null,
  resolvedAt: null,
  resolvedBy: null,
  ...extra,
});

describe('comment threads', () => {
  const all = [
    c('resolved', '2026-05-01T08:00:00Z', { resolvedAt: '2026-05-03T08:00:00Z', resolvedBy: person }),
    c('open', '2026-05-02T08:00:00Z'),
    c('reply-2', '2026-05-04T08:00:00Z', { parentId: 'open' }),
    c('reply-1', '2026-05-03T08:00:00Z', { parentId: 'open' }),
    c('general', '2026-05-02T09:00:00Z', { clauseKey: null }),
  ];

  it('groups replies under their comment, oldest first, and puts open threads before resolved ones', () => {
    const threads = threadsOf(all, 'care');
    expect(threads.map((x) => [x.comment.id, x.open])).toEqual([
      ['open', true],
      ['resolved', false],
    ]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(['reply-1', 'reply-2']);
    expect(threadsOf(all, null).map((x) => x.comment.id)).toEqual(['general']);
  });

  it('counts the open threads of the whole agreement, replies not counted', () => {
    expect(openThreadCount(all)).toBe(2);
    expect(openThreadCount(all.filter((x) => x.id !== 'general' && x.id !== 'open' && x.parentId === null))).toBe(0);
  });

  it('takes comments while the version can change, not while signatures are collected', () => {
    expect(acceptsComments({ status: 'negotiating', amendment: null })).toBe(true);
    expect(acceptsComments({ status: 'active', amendment: 'negotiating' })).toBe(true);
    expect(acceptsComments({ status: 'signing', amendment: null })).toBe(false);
    expect(acceptsComments({ status: 'active', amendment: 'signing' })).toBe(false);
    expect(acceptsComments({ status: 'terminated', amendment: null })).toBe(false);
  });
});
