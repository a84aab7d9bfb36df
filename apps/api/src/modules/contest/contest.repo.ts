import {
  agreements,
  agreementVersions,
  asTenant,
  contestAppeals,
  contestCertificates,
  contestEntrants,
  contestEvents,
  contestJudges,
  contestRegistrations,
  contests,
  contestScoreOverrides,
  contestScores,
  contestTheoryImports,
  federations,
  memberHonours,
  members,
  memberships,
  users,
  type ContestEventRow,
  type ContestRow,
} from '@uc/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { ClaimTable } from '../place/index.ts';

// The contest repository: every query of the module, named for what it loads. The transaction
// runs as ctx.tenantId; rows of the organiser that a party reads are visible through the
// contest's policy; writes to the organiser's rows switch to it (asTenant) in the use case.

type Ctx = Pick<ServiceCtx, 'db' | 'tenantId'>;
type Read = Pick<ServiceCtx, 'db'>;

export const registrationClaims: ClaimTable = {
  table: contestRegistrations,
  columns: {
    tenantId: contestRegistrations.tenantId,
    id: contestRegistrations.id,
    hostTenantId: contestRegistrations.hostTenantId,
    poolId: contestRegistrations.poolId,
    memberId: contestRegistrations.memberId,
    status: contestRegistrations.status,
    units: contestRegistrations.units,
    onShare: contestRegistrations.onShare,
    quotaId: contestRegistrations.quotaId,
    allocationId: contestRegistrations.allocationId,
    quotaPlaces: contestRegistrations.quotaPlaces,
    priorityRank: contestRegistrations.priorityRank,
    requestedAt: contestRegistrations.requestedAt,
    offerExpiresAt: contestRegistrations.offerExpiresAt,
    idempotencyKey: contestRegistrations.idempotencyKey,
    rowVersion: contestRegistrations.rowVersion,
    updatedAt: contestRegistrations.updatedAt,
  },
};

// ---- federations, users, agreements (global or the agreement's own policy) -----------------

export async function findFederations(ctx: Read, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { id: string; slug: string; nameZh: string; nameEn: string }>();
  const rows = await ctx.db.select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn }).from(federations).where(inArray(federations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findFederationBySlug(ctx: Read, slug: string) {
  const [row] = await ctx.db.select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh }).from(federations).where(eq(federations.slug, slug));
  return row;
}

export async function findUserName(ctx: Read, userId: string) {
  const [row] = await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name;
}

/** An active agreement the caller is a party to, with its in-force content. */
export async function findActiveAgreement(ctx: Read, agreementId: string) {
  const [row] = await ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, parties: agreements.partyTenantIds, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(and(eq(agreements.id, agreementId), eq(agreements.status, 'active')));
  return row;
}

/** The judge role of a user in a federation (read as that federation). */
export async function hasJudgeRole(ctx: Ctx, fedId: string, userId: string): Promise<boolean> {
  return asTenant(ctx.db, fedId, async () => {
    const [m] = await ctx.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, fedId), eq(memberships.userId, userId), eq(memberships.status, 'active'), sql`${memberships.roles} @> array['judge']::text[]`));
    return !!m;
  });
}

// ---- contests and events ---------------------------------------------------------------------

export async function findVisibleContests(ctx: Read): Promise<ContestRow[]> {
  return ctx.db.select().from(contests).orderBy(desc(contests.year), asc(contests.title));
}

export async function findVisibleContest(ctx: Read, id: string): Promise<ContestRow | undefined> {
  const [row] = await ctx.db.select().from(contests).where(eq(contests.id, id));
  return row;
}

export async function insertContest(ctx: Ctx, values: Omit<typeof contests.$inferInsert, 'tenantId'>): Promise<ContestRow> {
  const [row] = await ctx.db.insert(contests).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row!;
}

export async function findEventsOfContests(ctx: Read, contestIds: string[]): Promise<ContestEventRow[]> {
  if (!contestIds.length) return [];
  return ctx.db.select().from(contestEvents).where(inArray(contestEvents.contestId, contestIds)).orderBy(asc(contestEvents.eventDate), asc(contestEvents.trade));
}

export async function findVisibleEvent(ctx: Read, id: string): Promise<ContestEventRow | undefined> {
  const [row] = await ctx.db.select().from(contestEvents).where(eq(contestEvents.id, id));
  return row;
}

/** The finals made from these preliminaries. */
export async function findFinalsOf(ctx: Read, preliminaryIds: string[]) {
  if (!preliminaryIds.length) return [];
  return ctx.db.select({ id: contestEvents.id, preliminaryId: contestEvents.preliminaryId }).from(contestEvents).where(inArray(contestEvents.preliminaryId, preliminaryIds));
}

/** The event row locked as its organiser: FOR SHARE (a score) or FOR UPDATE (a stage change). */
export async function lockEvent(ctx: Read, organiserId: string, id: string, mode: 'share' | 'update'): Promise<ContestEventRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(contestEvents)
    .where(and(eq(contestEvents.tenantId, organiserId), eq(contestEvents.id, id)))
    .for(mode === 'share' ? 'share' : 'update');
  return row;
}

export async function insertEvent(ctx: Ctx, values: Omit<typeof contestEvents.$inferInsert, 'tenantId'>): Promise<ContestEventRow> {
  const [row] = await ctx.db.insert(contestEvents).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row!;
}

export async function updateEvent(ctx: Ctx, id: string, set: Partial<typeof contestEvents.$inferInsert>): Promise<ContestEventRow> {
  const [row] = await ctx.db
    .update(contestEvents)
    .set({ ...set, rowVersion: sql`${contestEvents.rowVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(contestEvents.tenantId, ctx.tenantId), eq(contestEvents.id, id)))
    .returning();
  return row!;
}

/** Which of the organiser's events have a mark in: a judge's score or an imported exam sheet. */
export async function findEventsMarked(ctx: Read, organiserId: string, eventIds: string[]): Promise<Set<string>> {
  if (!eventIds.length) return new Set();
  const rows = await asTenant(ctx.db, organiserId, () =>
    ctx.db
      .selectDistinct({ eventId: contestScores.eventId })
      .from(contestScores)
      .where(and(eq(contestScores.tenantId, organiserId), inArray(contestScores.eventId, eventIds)))
      .union(
        ctx.db
          .selectDistinct({ eventId: contestTheoryImports.eventId })
          .from(contestTheoryImports)
          .where(and(eq(contestTheoryImports.tenantId, organiserId), inArray(contestTheoryImports.eventId, eventIds))),
      ),
  );
  return new Set(rows.map((r) => r.eventId));
}

// ---- members and registrations ----------------------------------------------------------------

export async function findOwnMember(ctx: Ctx, memberId: string) {
  const [row] = await ctx.db.select({ id: members.id, name: members.name, birthDate: members.birthDate }).from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, memberId)));
  return row;
}

export async function insertRegistrationUnlessExists(ctx: Read, values: typeof contestRegistrations.$inferInsert) {
  const [row] = await ctx.db.insert(contestRegistrations).values(values).onConflictDoNothing().returning();
  return row;
}

/** Registrations of an event the caller may see: its own (home) or all (organiser). */
export async function findRegistrationsOfEvent(ctx: Read, eventId: string, statuses?: string[]) {
  const where = [eq(contestRegistrations.poolId, eventId)];
  if (statuses) where.push(inArray(contestRegistrations.status, statuses));
  return ctx.db.select().from(contestRegistrations).where(and(...where)).orderBy(asc(contestRegistrations.requestedAt), asc(contestRegistrations.id));
}

export async function countRegisteredByParty(ctx: Read, eventIds: string[]) {
  if (!eventIds.length) return [];
  return ctx.db
    .select({ eventId: contestRegistrations.poolId, tenantId: contestRegistrations.tenantId, n: sql<number>`count(*)::int` })
    .from(contestRegistrations)
    .where(and(inArray(contestRegistrations.poolId, eventIds), eq(contestRegistrations.status, 'registered')))
    .groupBy(contestRegistrations.poolId, contestRegistrations.tenantId);
}

// ---- entrants, judges, scores ------------------------------------------------------------------

export async function insertEntrants(ctx: Ctx, eventId: string, rows: { id: string; homeTenantId: string; number: number }[]) {
  if (!rows.length) return;
  await ctx.db.insert(contestEntrants).values(rows.map((r) => ({ ...r, tenantId: ctx.tenantId, eventId })));
}

export async function findEntrants(ctx: Read, eventId: string) {
  return ctx.db.select().from(contestEntrants).where(eq(contestEntrants.eventId, eventId)).orderBy(asc(contestEntrants.number));
}

export async function findEntrantByNumber(ctx: Read, eventId: string, number: number) {
  const [row] = await ctx.db.select().from(contestEntrants).where(and(eq(contestEntrants.eventId, eventId), eq(contestEntrants.number, number)));
  return row;
}

/** Users holding the judge role in a federation (read as that federation): id and name only. */
export async function findJudgeUsers(ctx: Ctx, fedId: string) {
  return asTenant(ctx.db, fedId, () =>
    ctx.db
      .select({ userId: memberships.userId, name: users.displayName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, fedId), eq(memberships.status, 'active'), sql`${memberships.roles} @> array['judge']::text[]`))
      .orderBy(asc(users.displayName)),
  );
}

/** The panels the caller sits on as a judge of this federation. */
export async function findSeatsOfUser(ctx: Ctx, userId: string) {
  return ctx.db.select().from(contestJudges).where(and(eq(contestJudges.userId, userId), eq(contestJudges.judgeTenantId, ctx.tenantId)));
}

export async function findJudges(ctx: Read, eventId: string) {
  return ctx.db.select().from(contestJudges).where(eq(contestJudges.eventId, eventId)).orderBy(desc(contestJudges.chief), asc(contestJudges.createdAt));
}

export async function upsertJudge(ctx: Ctx, values: Omit<typeof contestJudges.$inferInsert, 'tenantId'>) {
  await ctx.db
    .insert(contestJudges)
    .values({ ...values, tenantId: ctx.tenantId })
    .onConflictDoUpdate({ target: [contestJudges.tenantId, contestJudges.eventId, contestJudges.userId], set: { chief: values.chief ?? false } });
}

export async function countScores(ctx: Read, eventId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(contestScores).where(eq(contestScores.eventId, eventId));
  return row?.n ?? 0;
}

/** Inserts a mark once: a repeat (same judge, entrant, aspect) returns nothing. */
export async function insertScoreOnce(ctx: Ctx, values: Omit<typeof contestScores.$inferInsert, 'tenantId'>) {
  const [row] = await ctx.db.insert(contestScores).values({ ...values, tenantId: ctx.tenantId }).onConflictDoNothing().returning();
  return row;
}

export async function findScore(ctx: Read, eventId: string, entrantId: string, judgeUserId: string, aspect: string) {
  const [row] = await ctx.db
    .select()
    .from(contestScores)
    .where(and(eq(contestScores.eventId, eventId), eq(contestScores.entrantId, entrantId), eq(contestScores.judgeUserId, judgeUserId), eq(contestScores.aspect, aspect)));
  return row;
}

export async function findScoresOfJudge(ctx: Read, eventId: string, judgeUserId: string) {
  return ctx.db.select().from(contestScores).where(and(eq(contestScores.eventId, eventId), eq(contestScores.judgeUserId, judgeUserId)));
}

/** Every mark of an event as it stands: the latest override of a score, else the score. */
export async function findEffectiveMarks(ctx: Read, eventId: string) {
  return ctx.db
    .select({
      id: contestScores.id,
      entrantId: contestScores.entrantId,
      aspect: contestScores.aspect,
      judgeUserId: contestScores.judgeUserId,
      measured: contestScores.measured,
      // qualified by hand: inside the subquery an unqualified column would bind to the override
      mark: sql<number>`coalesce((select o.mark from contest_score_override o where o.tenant_id = contest_score.tenant_id and o.score_id = contest_score.id order by o.at desc, o.id desc limit 1), contest_score.mark)::int`,
    })
    .from(contestScores)
    .where(eq(contestScores.eventId, eventId));
}

export async function insertOverride(ctx: Ctx, values: Omit<typeof contestScoreOverrides.$inferInsert, 'tenantId'>) {
  await ctx.db.insert(contestScoreOverrides).values({ ...values, tenantId: ctx.tenantId });
}

// ---- appeals, certificates, honours ---------------------------------------------------------

export async function insertAppeal(ctx: Ctx, values: Omit<typeof contestAppeals.$inferInsert, 'tenantId'>) {
  const [row] = await ctx.db.insert(contestAppeals).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row!;
}

export async function findAppeals(ctx: Read, eventId: string) {
  return ctx.db.select().from(contestAppeals).where(eq(contestAppeals.eventId, eventId)).orderBy(asc(contestAppeals.filedAt));
}

/** An appeal to this federation as the organiser (read only). */
export async function findAppealToHost(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(contestAppeals).where(and(eq(contestAppeals.hostTenantId, ctx.tenantId), eq(contestAppeals.id, id)));
  return row;
}

export async function lockAppeal(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(contestAppeals).where(and(eq(contestAppeals.hostTenantId, ctx.tenantId), eq(contestAppeals.id, id))).for('update');
  return row;
}

export async function decideAppealRow(ctx: Read, a: { tenantId: string; id: string }, set: { status: string; decisionReason: string; decidedAt: Date }) {
  await ctx.db.update(contestAppeals).set(set).where(and(eq(contestAppeals.tenantId, a.tenantId), eq(contestAppeals.id, a.id)));
}

export async function insertCertificate(ctx: Ctx, values: Omit<typeof contestCertificates.$inferInsert, 'tenantId'>) {
  await ctx.db.insert(contestCertificates).values({ ...values, tenantId: ctx.tenantId }).onConflictDoNothing();
}

export async function findCertificatesOfEvent(ctx: Read, eventId: string) {
  return ctx.db.select().from(contestCertificates).where(eq(contestCertificates.eventId, eventId)).orderBy(asc(contestCertificates.rank));
}

/** Read in a transaction whose only setting is app.certificate_number (the public page). */
export async function findCertificateByNumber(ctx: Read, number: string) {
  const [row] = await ctx.db.select().from(contestCertificates).where(eq(contestCertificates.number, number));
  return row;
}

export async function insertHonour(ctx: Read, values: typeof memberHonours.$inferInsert) {
  await ctx.db.insert(memberHonours).values(values);
}
