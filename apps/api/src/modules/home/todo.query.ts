import { canCall, TODO_MODULES, type TodoItemDto, type TodoListDto } from '@uc/contracts';
import { addDays, chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { todoSourceList } from './home.registry.ts';

/** items per source; a source with more says so (truncated) */
export const TODO_LIMIT = 50;
/** due within this many days counts as "soon" */
export const SOON_DAYS = 7;

const URGENCY_RANK: Record<TodoItemDto['urgency'], number> = { overdue: 0, soon: 1, normal: 2 };

/** most urgent first; within an urgency the earliest due date, then the newest */
export function compareTodo(a: TodoItemDto, b: TodoItemDto): number {
  return URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || (a.due ?? '9999').localeCompare(b.due ?? '9999') || b.at.localeCompare(a.at) || a.key.localeCompare(b.key);
}

/** urgency of a due date against today */
export const urgencyOf = (due: string | null, today: string, soon: string): TodoItemDto['urgency'] => (!due ? 'normal' : due < today ? 'overdue' : due <= soon ? 'soon' : 'normal');

/**
 * The signed-in staff user's to-do list: every registered source that applies to their roles
 * (the ACCESS matrix decides), each asked once; derived from the rows on every call.
 */
export async function todoList(ctx: ServiceCtx): Promise<TodoListDto> {
  const today = chinaDate(ctx.now);
  const scope = { today, soon: addDays(today, SOON_DAYS), limit: TODO_LIMIT };
  const sources = todoSourceList().filter((s) => canCall(s.access, ctx.actor.roles));
  const items: TodoItemDto[] = [];
  let truncated = false;
  for (const s of sources) {
    const rows = await s.load(ctx, scope);
    if (rows.length > TODO_LIMIT) truncated = true;
    items.push(...rows.slice(0, TODO_LIMIT));
  }
  items.sort(compareTodo);
  const counts = TODO_MODULES.map((module) => ({ module, n: items.filter((i) => i.module === module).length })).filter((c) => c.n > 0 || sources.some((s) => s.key.startsWith(`${c.module}.`)));
  return { items, counts, truncated };
}
