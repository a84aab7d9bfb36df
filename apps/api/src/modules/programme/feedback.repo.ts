import { programmeFeedback } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

// Feedback rows: the member's home federation's, read by it and the host (row-level security, 0048).

type Read = Pick<ServiceCtx, 'db'>;

export async function findFeedbackOf(ctx: Read, tenantId: string, registrationIds: string[]) {
  if (!registrationIds.length) return [];
  return ctx.db.select().from(programmeFeedback).where(and(eq(programmeFeedback.tenantId, tenantId), inArray(programmeFeedback.registrationId, registrationIds)));
}

export async function findFeedbackOfEvent(ctx: Read, eventId: string) {
  return ctx.db.select().from(programmeFeedback).where(eq(programmeFeedback.eventId, eventId));
}

/** Inserts the feedback once: a repeat returns nothing. */
export async function insertFeedbackOnce(ctx: Read, values: typeof programmeFeedback.$inferInsert) {
  const [row] = await ctx.db.insert(programmeFeedback).values(values).onConflictDoNothing().returning();
  return row;
}
