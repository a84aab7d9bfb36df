import type { CommentDto } from '@uc/contracts';

export interface Thread {
  comment: CommentDto;
  replies: CommentDto[];
  open: boolean;
}

/**
 * The comments of one clause (or of the agreement as a whole when clauseKey is null) as threads:
 * each top-level comment with its replies, oldest first; open threads before resolved ones.
 */
export function threadsOf(all: readonly CommentDto[], clauseKey: string | null): Thread[] {
  const roots = all.filter((c) => c.parentId === null && c.clauseKey === clauseKey);
  const threads = roots.map((comment) => ({
    comment,
    replies: all.filter((c) => c.parentId === comment.id).sort((x, y) => x.createdAt.localeCompare(y.createdAt)),
    open: comment.resolvedAt === null,
  }));
  return threads.sort((x, y) => Number(y.open) - Number(x.open) || x.comment.createdAt.localeCompare(y.comment.createdAt));
}

/** Threads of the whole agreement still open: what blocks sending a version for signature. */
export const openThreadCount = (all: readonly CommentDto[]) => all.filter((c) => c.parentId === null && c.resolvedAt === null).length;
