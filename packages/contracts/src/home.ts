import { z } from 'zod';

// Issue 15 (docs/decisions/0023-todo-and-member-home.md): the staff to-do list (待办) and the
// member's 我的 page. Both are derived from the rows on every call; items carry facts (a kind and
// its params) that the web renders in the reader's language, never stored prose.

export const TODO_MODULES = ['agreement', 'items', 'recuperation', 'programme', 'contest', 'rights', 'report'] as const;
export const todoModule = z.enum(TODO_MODULES);
export const TODO_URGENCIES = ['overdue', 'soon', 'normal'] as const;

const param = z.union([z.string(), z.number()]);

export const todoItemDto = z.object({
  /** stable within a source: '<kind>:<row id>' */
  key: z.string(),
  module: todoModule,
  /** e.g. 'agreement.sign', 'items.confirmMilestone' (the web's i18n key home.todo.kind.<kind>) */
  kind: z.string(),
  params: z.record(z.string(), param),
  /** where it is done: a web route and its params (tenant added by the web) */
  link: z.object({ to: z.string(), params: z.record(z.string(), z.string()), search: z.record(z.string(), param).optional() }),
  urgency: z.enum(TODO_URGENCIES),
  /** a due date (YYYY-MM-DD, China) or null */
  due: z.string().nullable(),
  /** when it started waiting (ISO) */
  at: z.string(),
});
export type TodoItemDto = z.infer<typeof todoItemDto>;

export const todoListDto = z.object({
  items: z.array(todoItemDto),
  /** per module, the number of items (all modules that apply to the caller, zeros included) */
  counts: z.array(z.object({ module: todoModule, n: z.number() })),
  /** true when a source had more than it returns (each source is bounded) */
  truncated: z.boolean(),
});
export type TodoListDto = z.infer<typeof todoListDto>;

export const todoCountDto = z.object({ todo: z.number() });

export const MEMBER_SECTIONS = ['stays', 'tickets', 'requests', 'learning', 'contests', 'rights', 'honours', 'notices'] as const;

export const memberRowDto = z.object({
  id: z.string(),
  /** i18n key suffix: home.mine.kind.<kind> */
  kind: z.string(),
  title: z.string(),
  params: z.record(z.string(), param),
  /** a status code the web renders (home.mine.status.<status>) or null */
  status: z.string().nullable(),
  /** date or ISO instant shown on the row */
  date: z.string().nullable(),
  link: z.object({ to: z.string(), params: z.record(z.string(), z.string()) }).nullable(),
  /** a check-in code to show as QR */
  qr: z.string().nullable(),
  /** public verify URL path (certificates) */
  verify: z.string().nullable(),
  /** something the member may take back from the row: a request still waiting for their federation, or a waitlisted registration */
  withdraw: z.object({ kind: z.enum(['request', 'registration']), id: z.string() }).nullable().optional(),
});
export type MemberRowDto = z.infer<typeof memberRowDto>;

export const memberSectionDto = z.object({ key: z.enum(MEMBER_SECTIONS), rows: z.array(memberRowDto), total: z.number() });
export const memberHomeDto = z.object({ sections: z.array(memberSectionDto) });
export type MemberHomeDto = z.infer<typeof memberHomeDto>;
