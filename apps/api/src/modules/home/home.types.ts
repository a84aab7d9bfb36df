import type { MEMBER_SECTIONS, MemberRowDto, TodoItemDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';

// Two registries (decision 0022): to-do sources for staff and sections of the member's 我的 page.
// Each module registers its own from its register(); this module imports none of them.

export interface TodoScope {
  /** today in Asia/Shanghai (YYYY-MM-DD) */
  today: string;
  /** "soon": due on or before this day */
  soon: string;
  /** at most this many items per source (one more is asked for, to know it was cut) */
  limit: number;
}

export interface TodoSource {
  /** stable id, unique across modules: '<module>.<kind>' */
  key: string;
  /**
   * the procedure (ACCESS matrix path) whose roles may act on these items: a source applies to a
   * caller only when canCall(access, roles) — the role lists live in access.ts alone
   */
  access: string;
  /** ONE bounded query over the rows; items most urgent first */
  load(ctx: ServiceCtx, scope: TodoScope): Promise<TodoItemDto[]>;
}

export interface MemberSection {
  key: (typeof MEMBER_SECTIONS)[number];
  /** sections are shown in this order */
  order: number;
  /** the member's own rows only (ctx.actor.memberId), at most `limit` */
  load(ctx: ServiceCtx & { memberId: string }, limit: number): Promise<{ rows: MemberRowDto[]; total: number }>;
}
