import { contestTheoryImports, contestTheoryMarks, contestTheoryOverrides, users } from '@uc/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

// Theory imports and their marks (issue 9): append-only rows of the organiser, read by the
// contest's parties through the event's policy. The latest import of an event is its theory sheet;
// a chief judge's correction on an upheld appeal is a row of its own that wins over the import.

type Ctx = Pick<ServiceCtx, 'db' | 'tenantId'>;
type Read = Pick<ServiceCtx, 'db'>;

export async function insertTheoryImport(
  ctx: Ctx,
  values: Omit<typeof contestTheoryImports.$inferInsert, 'tenantId'>,
  marks: { entrantId: string; aspect: string; mark: number | null }[],
) {
  const [row] = await ctx.db.insert(contestTheoryImports).values({ ...values, tenantId: ctx.tenantId }).returning();
  if (marks.length) await ctx.db.insert(contestTheoryMarks).values(marks.map((m) => ({ ...m, tenantId: ctx.tenantId, importId: row!.id, eventId: values.eventId })));
  return row!;
}

/** The event's imports, newest first, with who made each. */
export async function findTheoryImports(ctx: Read, eventId: string) {
  return ctx.db
    .select({ id: contestTheoryImports.id, at: contestTheoryImports.at, fileName: contestTheoryImports.fileName, fileSha256: contestTheoryImports.fileSha256, rows: contestTheoryImports.rows, by: users.displayName })
    .from(contestTheoryImports)
    .leftJoin(users, eq(users.id, contestTheoryImports.byUserId))
    .where(eq(contestTheoryImports.eventId, eventId))
    .orderBy(desc(contestTheoryImports.at), desc(contestTheoryImports.id));
}

/** The marks of one import. */
export async function findTheoryMarks(ctx: Read, eventId: string, importId: string) {
  return ctx.db
    .select({ entrantId: contestTheoryMarks.entrantId, aspect: contestTheoryMarks.aspect, mark: contestTheoryMarks.mark })
    .from(contestTheoryMarks)
    .where(and(eq(contestTheoryMarks.eventId, eventId), eq(contestTheoryMarks.importId, importId)));
}

export async function insertTheoryOverride(ctx: Ctx, values: Omit<typeof contestTheoryOverrides.$inferInsert, 'tenantId'>) {
  await ctx.db.insert(contestTheoryOverrides).values({ ...values, tenantId: ctx.tenantId });
}

/** The event's theory corrections, oldest first (a later one of the same mark replaces an earlier). */
export async function findTheoryOverrides(ctx: Read, eventId: string) {
  return ctx.db
    .select({ entrantId: contestTheoryOverrides.entrantId, aspect: contestTheoryOverrides.aspect, mark: contestTheoryOverrides.mark })
    .from(contestTheoryOverrides)
    .where(eq(contestTheoryOverrides.eventId, eventId))
    .orderBy(asc(contestTheoryOverrides.at), asc(contestTheoryOverrides.id));
}
