import { contestApplications, contestEntrants, contestEvents, contests, federations, members, type ContestApplicationRow } from '@uc/db';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

// Queries of members' own applications: the home federation's rows (tenant_id), read with the
// event and contest they name (visible to a party through the contest's policy).

type Ctx = Pick<ServiceCtx, 'db' | 'tenantId'>;

export async function insertApplicationUnlessExists(ctx: Ctx, values: Omit<typeof contestApplications.$inferInsert, 'tenantId'>) {
  const [row] = await ctx.db
    .insert(contestApplications)
    .values({ ...values, tenantId: ctx.tenantId })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** The member's application by key, else their open one for the event: what a repeated apply returns. */
export async function findApplicationByKeyOrOpen(ctx: Ctx, memberId: string, eventId: string, key: string) {
  const [row] = await ctx.db
    .select()
    .from(contestApplications)
    .where(
      and(
        eq(contestApplications.tenantId, ctx.tenantId),
        eq(contestApplications.memberId, memberId),
        sql`(${contestApplications.idempotencyKey} = ${key} or (${contestApplications.eventId} = ${eventId} and ${contestApplications.status} in ('applied', 'approved')))`,
      ),
    )
    .orderBy(sql`${contestApplications.idempotencyKey} = ${key} desc`)
    .limit(1);
  return row;
}

export async function lockApplication(ctx: Ctx, id: string): Promise<ContestApplicationRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(contestApplications)
    .where(and(eq(contestApplications.tenantId, ctx.tenantId), eq(contestApplications.id, id)))
    .for('update');
  return row;
}

export async function findApplicationOfRegistration(ctx: Ctx, registrationId: string) {
  const [row] = await ctx.db
    .select()
    .from(contestApplications)
    .where(and(eq(contestApplications.tenantId, ctx.tenantId), eq(contestApplications.registrationId, registrationId)))
    .for('update');
  return row;
}

export async function updateApplication(ctx: Ctx, a: Pick<ContestApplicationRow, 'id' | 'rowVersion'>, set: Partial<typeof contestApplications.$inferInsert>) {
  const [row] = await ctx.db
    .update(contestApplications)
    .set({ ...set, rowVersion: a.rowVersion + 1, updatedAt: new Date() })
    .where(and(eq(contestApplications.tenantId, ctx.tenantId), eq(contestApplications.id, a.id)))
    .returning();
  return row!;
}

/** Applications of the caller's federation with their event, contest, member name and drawn number. */
export async function findApplications(ctx: Ctx, where: { ids?: string[]; memberId?: string; eventId?: string; status?: string; scope?: SQL | null }) {
  const w = [eq(contestApplications.tenantId, ctx.tenantId)];
  if (where.scope) w.push(where.scope);
  if (where.ids) w.push(inArray(contestApplications.id, where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']));
  if (where.memberId) w.push(eq(contestApplications.memberId, where.memberId));
  if (where.eventId) w.push(eq(contestApplications.eventId, where.eventId));
  if (where.status) w.push(eq(contestApplications.status, where.status));
  return ctx.db
    .select({
      a: contestApplications,
      memberName: members.name,
      trade: contestEvents.trade,
      venue: contestEvents.venue,
      eventDate: contestEvents.eventDate,
      registrationCloses: contestEvents.registrationCloses,
      drawnAt: contestEvents.drawnAt,
      contestTitle: contests.title,
      number: contestEntrants.number,
    })
    .from(contestApplications)
    .innerJoin(members, and(eq(members.tenantId, contestApplications.tenantId), eq(members.id, contestApplications.memberId)))
    .innerJoin(contestEvents, and(eq(contestEvents.tenantId, contestApplications.hostTenantId), eq(contestEvents.id, contestApplications.eventId)))
    .innerJoin(contests, and(eq(contests.tenantId, contestEvents.tenantId), eq(contests.id, contestEvents.contestId)))
    .leftJoin(contestEntrants, and(eq(contestEntrants.tenantId, contestApplications.hostTenantId), eq(contestEntrants.id, contestApplications.registrationId)))
    .where(and(...w))
    .orderBy(desc(contestApplications.createdAt), asc(contestApplications.id))
    .limit(500);
}

/** Events whose registration window is open on `today`, of contests the caller's federation enters (not only judges). */
export async function findOpenEvents(ctx: Ctx, today: string) {
  return ctx.db
    .select({ e: contestEvents, contestTitle: contests.title, organiser: federations.nameZh, organiserEn: federations.nameEn })
    .from(contestEvents)
    .innerJoin(contests, and(eq(contests.tenantId, contestEvents.tenantId), eq(contests.id, contestEvents.contestId)))
    .innerJoin(federations, eq(federations.id, contests.tenantId))
    .where(
      and(
        sql`${ctx.tenantId}::uuid = any(${contests.partyTenantIds})`,
        sql`not (${ctx.tenantId}::uuid = any(${contests.judgingPartnerTenantIds}))`,
        sql`${contestEvents.registrationOpens} <= ${today}::date and ${contestEvents.registrationCloses} >= ${today}::date`,
        sql`${contestEvents.drawnAt} is null`,
      ),
    )
    .orderBy(asc(contestEvents.registrationCloses), asc(contestEvents.trade))
    .limit(100);
}
