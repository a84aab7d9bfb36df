import type { ContestTheoryImportDto } from '@uc/contracts';
import type { ContestEventRow } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { visibleEvent } from './contest.access.ts';
import { findEffectiveMarks } from './contest.repo.ts';
import type { Mark } from './contest.rules.ts';
import { findTheoryImports, findTheoryMarks, findTheoryOverrides } from './theory.repo.ts';

// The marks an event is scored on: the judges' marks of its practical aspects (as overridden after
// an appeal) and the theory marks of its latest import (an absentee counts zero) as corrected on appeal. Read every time;
// a new import or override changes the results on the next read.

type Read = Pick<ServiceCtx, 'db'>;

/** The latest import's theory marks as corrected on upheld appeals, or none before the first import. */
export async function latestTheoryMarks(ctx: Read, eventId: string): Promise<Mark[]> {
  const [[latest], corrections] = await Promise.all([findTheoryImports(ctx, eventId), findTheoryOverrides(ctx, eventId)]);
  if (!latest) return [];
  const marks = new Map((await findTheoryMarks(ctx, eventId, latest.id)).map((m) => [`${m.entrantId}|${m.aspect}`, { entrantId: m.entrantId, aspect: m.aspect, mark: m.mark ?? 0 }]));
  // corrections come after the lock, so after the last import; the newest of each mark wins
  for (const c of corrections) marks.set(`${c.entrantId}|${c.aspect}`, c);
  return [...marks.values()];
}

export async function eventMarks(ctx: Read, event: Pick<ContestEventRow, 'id' | 'aspects'>): Promise<{ judged: Awaited<ReturnType<typeof findEffectiveMarks>>; theory: Mark[]; all: Mark[] }> {
  const practical = new Set(event.aspects.filter((a) => a.part === 'practical').map((a) => a.key));
  const [effective, theory] = await Promise.all([findEffectiveMarks(ctx, event.id), latestTheoryMarks(ctx, event.id)]);
  // a judge's mark of a theory aspect (made before theory came from the exam sheet) does not count
  const judged = effective.filter((m) => practical.has(m.aspect));
  return { judged, theory, all: [...judged, ...theory] };
}

/** The event's theory imports, newest first (the first one counts). */
export async function theoryImports(ctx: ServiceCtx, eventId: string): Promise<ContestTheoryImportDto[]> {
  const { event } = await visibleEvent(ctx, eventId);
  return (await findTheoryImports(ctx, event.id)).map((i) => ({ id: i.id, at: i.at.toISOString(), fileName: i.fileName, fileSha256: i.fileSha256, rows: i.rows, by: i.by ?? '' }));
}
