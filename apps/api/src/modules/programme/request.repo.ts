import { members, programmeEvents, programmeRegistrations, programmeRequests, programmeSessions, type Db, type ProgrammeRequestRow } from '@uc/db';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';

// SQL of the registrations that need the home federation's approval (decision 0051): the home
// federation's rows only (row-level security: tenant_id), read with the host's event and session as
// the co-host sees them, and the registration an approval made.

type Ctx = { db: Db; tenantId: string };

export async function insertRequestUnlessExists(ctx: Ctx, values: Omit<typeof programmeRequests.$inferInsert, 'tenantId'>) {
  const [row] = await ctx.db
    .insert(programmeRequests)
    .values({ ...values, tenantId: ctx.tenantId })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** The member's request by key, else their waiting one for the session: what a repeated submit returns. */
export async function findRequestByKeyOrOpen(ctx: Ctx, memberId: string, sessionId: string, key: string) {
  const [row] = await ctx.db
    .select()
    .from(programmeRequests)
    .where(
      and(
        eq(programmeRequests.tenantId, ctx.tenantId),
        eq(programmeRequests.memberId, memberId),
        sql`(${programmeRequests.idempotencyKey} = ${key} or (${programmeRequests.sessionId} = ${sessionId} and ${programmeRequests.status} = 'applied'))`,
      ),
    )
    .orderBy(sql`${programmeRequests.idempotencyKey} = ${key} desc`)
    .limit(1);
  return row;
}

export async function lockRequest(ctx: Ctx, id: string): Promise<ProgrammeRequestRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(programmeRequests)
    .where(and(eq(programmeRequests.tenantId, ctx.tenantId), eq(programmeRequests.id, id)))
    .for('update');
  return row;
}

/** Writes the locked row's next version (the lock and the version check make a second writer see the first's outcome). */
export async function updateRequest(ctx: Ctx, r: Pick<ProgrammeRequestRow, 'id' | 'rowVersion'>, set: Partial<typeof programmeRequests.$inferInsert>, now: Date) {
  const [row] = await ctx.db
    .update(programmeRequests)
    .set({ ...set, rowVersion: r.rowVersion + 1, updatedAt: now })
    .where(and(eq(programmeRequests.tenantId, ctx.tenantId), eq(programmeRequests.id, r.id), eq(programmeRequests.rowVersion, r.rowVersion)))
    .returning();
  return row;
}

/** Requests of the caller's federation with their event, session, member and the registration an approval made. */
export async function findRequests(ctx: Ctx, where: { ids?: string[]; memberId?: string; eventId?: string; status?: string; scope?: SQL | null }) {
  const w = [eq(programmeRequests.tenantId, ctx.tenantId)];
  if (where.scope) w.push(where.scope);
  if (where.ids) w.push(inArray(programmeRequests.id, where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']));
  if (where.memberId) w.push(eq(programmeRequests.memberId, where.memberId));
  if (where.eventId) w.push(eq(programmeRequests.eventId, where.eventId));
  if (where.status) w.push(eq(programmeRequests.status, where.status));
  return ctx.db
    .select({
      r: programmeRequests,
      memberName: members.name,
      eventTitle: programmeEvents.title,
      eventStatus: programmeEvents.status,
      sessionTitle: programmeSessions.title,
      sessionStatus: programmeSessions.status,
      startsAt: programmeSessions.startsAt,
      registrationStatus: programmeRegistrations.status,
    })
    .from(programmeRequests)
    .innerJoin(members, and(eq(members.tenantId, programmeRequests.tenantId), eq(members.id, programmeRequests.memberId)))
    .innerJoin(programmeEvents, and(eq(programmeEvents.tenantId, programmeRequests.hostTenantId), eq(programmeEvents.id, programmeRequests.eventId)))
    .innerJoin(programmeSessions, and(eq(programmeSessions.tenantId, programmeRequests.hostTenantId), eq(programmeSessions.id, programmeRequests.sessionId)))
    .leftJoin(programmeRegistrations, and(eq(programmeRegistrations.tenantId, programmeRequests.tenantId), eq(programmeRegistrations.id, programmeRequests.registrationId)))
    .where(and(...w))
    .orderBy(desc(programmeRequests.createdAt), asc(programmeRequests.id))
    .limit(500);
}
