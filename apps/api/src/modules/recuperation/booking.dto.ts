import type { BookingDto, BookingStatus } from '@uc/contracts';
import { recuperationBatches, recuperationBookings, recuperationRoutes } from '@uc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { reviewBookings, toReviewDto } from './booking.review.ts';
import { outsideScope } from './home.scope.ts';
import { endDateOf, federationNames, nameOf, today, WRITER_ROLES, type FederationName } from './recuperation.common.ts';
import { asTenantOf } from './tenant.switch.ts';

// A booking as each side sees it. The host reads only what the member consented to share (the
// snapshot on the booking: name, gender, masked ID number, unit, mobile if agreed); the QR
// token is shown to the member alone. Batch facts are read as the host, so a booking stays
// readable for the member after the agreement that opened the batch to them has ended.

export type BookingRow = typeof recuperationBookings.$inferSelect;

export async function findBooking(ctx: ServiceCtx, id: string, opts: { forUpdate?: boolean } = {}): Promise<BookingRow> {
  const q = ctx.db.select().from(recuperationBookings).where(eq(recuperationBookings.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  // a member sees only their own bookings; other federations see nothing (row-level security)
  if (!row || !visibleTo(ctx, row)) throw new AppError('NOT_FOUND');
  return row;
}

export function visibleTo(ctx: ServiceCtx, b: BookingRow): boolean {
  if (ctx.actor.roles.includes('member') && !hasRole(ctx.actor, 'admin', 'officer', 'signatory', 'lead', 'judge', 'caseworker')) {
    return b.tenantId === ctx.tenantId && b.memberId === ctx.actor.memberId;
  }
  return b.tenantId === ctx.tenantId || b.hostTenantId === ctx.tenantId;
}

const isMemberOf = (ctx: ServiceCtx, b: BookingRow) => b.tenantId === ctx.tenantId && ctx.actor.memberId === b.memberId;
const isHomeStaff = (ctx: ServiceCtx, b: BookingRow) => b.tenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES);
const isHostStaff = (ctx: ServiceCtx, b: BookingRow) => b.hostTenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES);

export interface BatchFacts {
  code: string;
  routeTitle: string;
  startDate: string;
  nights: number;
  cancelDeadline: string;
}

async function batchFacts(ctx: ServiceCtx, rows: BookingRow[]): Promise<Map<string, BatchFacts>> {
  const out = new Map<string, BatchFacts>();
  for (const host of new Set(rows.map((r) => r.hostTenantId))) {
    const ids = [...new Set(rows.filter((r) => r.hostTenantId === host).map((r) => r.batchId))];
    const read = () =>
      ctx.db
        .select({ id: recuperationBatches.id, code: recuperationBatches.code, startDate: recuperationBatches.startDate, nights: recuperationBatches.nights, cancelDeadline: recuperationBatches.cancelDeadline, routeTitle: recuperationRoutes.title })
        .from(recuperationBatches)
        .innerJoin(recuperationRoutes, and(eq(recuperationRoutes.tenantId, recuperationBatches.tenantId), eq(recuperationRoutes.id, recuperationBatches.routeId)))
        .where(and(eq(recuperationBatches.tenantId, host), inArray(recuperationBatches.id, ids)));
    const found = await asTenantOf(ctx, host, read);
    for (const f of found) out.set(f.id, f);
  }
  return out;
}

/** 1-based place on the batch's waitlist: priority rank, then time (read as the host, who sees every waiting member). */
export async function waitlistPosition(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>, b: BookingRow): Promise<number> {
  const read = () =>
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(recuperationBookings)
      .where(
        and(
          eq(recuperationBookings.hostTenantId, b.hostTenantId),
          eq(recuperationBookings.batchId, b.batchId),
          eq(recuperationBookings.status, 'waitlisted'),
          sql`(${recuperationBookings.priorityRank}, ${recuperationBookings.requestedAt}, ${recuperationBookings.id}) < (${b.priorityRank}, ${b.requestedAt.toISOString()}::timestamptz, ${b.id}::uuid)`,
        ),
      );
  const [row] = await asTenantOf(ctx, b.hostTenantId, read);
  return (row?.n ?? 0) + 1;
}

/** Waitlist places of many bookings: one ranking per batch, read as its host. */
async function waitlistPositions(ctx: ServiceCtx, rows: BookingRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  if (waiting.length === 1) out.set(waiting[0]!.id, await waitlistPosition(ctx, waiting[0]!));
  if (waiting.length < 2) return out;
  for (const key of new Set(waiting.map((r) => `${r.hostTenantId}/${r.batchId}`))) {
    const [host, batchId] = key.split('/') as [string, string];
    const read = () =>
      ctx.db
        .select({ id: recuperationBookings.id, n: sql<number>`row_number() over (order by ${recuperationBookings.priorityRank}, ${recuperationBookings.requestedAt}, ${recuperationBookings.id})::int` })
        .from(recuperationBookings)
        .where(and(eq(recuperationBookings.hostTenantId, host), eq(recuperationBookings.batchId, batchId), eq(recuperationBookings.status, 'waitlisted')));
    for (const r of await asTenantOf(ctx, host, read)) out.set(r.id, r.n);
  }
  return out;
}

/** What a caller that just read or wrote the booking already knows (skips the reads). */
export interface KnownFacts {
  facts: Map<string, BatchFacts>;
  names: Map<string, FederationName>;
  positions: Map<string, number>;
}

export async function toBookingDtos(ctx: ServiceCtx, rows: BookingRow[], known?: KnownFacts): Promise<BookingDto[]> {
  const facts = known?.facts ?? (await batchFacts(ctx, rows));
  const positions = known?.positions ?? (await waitlistPositions(ctx, rows));
  const names = known?.names ?? (await federationNames(ctx, rows.flatMap((r) => [r.tenantId, r.hostTenantId])));
  // the home side's decisions: only within a scoped officer's org units; pending ones re-checked against the policy
  const outside = await outsideScope(ctx, rows);
  const homeRows = rows.filter((b) => isHomeStaff(ctx, b) && !outside.has(b.id));
  const reviews = homeRows.length ? await reviewBookings(ctx, homeRows) : new Map<string, never>();
  const day = today(ctx);
  const out: BookingDto[] = [];
  for (const b of rows) {
    const f = facts.get(b.batchId) ?? { code: '', routeTitle: '', startDate: b.batchStart, nights: b.tripDays - 1, cancelDeadline: b.batchStart };
    const status = b.status as BookingStatus;
    const member = isMemberOf(ctx, b);
    const home = isHomeStaff(ctx, b) && !outside.has(b.id);
    const host = isHostStaff(ctx, b);
    const cancellable = status === 'waitlisted' || (['offered', 'requested', 'approved', 'confirmed'].includes(status) && day <= f.cancelDeadline);
    out.push({
      id: b.id,
      status,
      batch: { id: b.batchId, code: f.code, routeTitle: f.routeTitle, startDate: f.startDate, endDate: endDateOf(f.startDate, f.nights), nights: f.nights, cancelDeadline: f.cancelDeadline },
      host: nameOf(names.get(b.hostTenantId)),
      home: nameOf(names.get(b.tenantId)),
      member: {
        id: b.memberId,
        name: b.memberName,
        gender: b.memberGender === 'male' || b.memberGender === 'female' ? b.memberGender : null,
        idNumberMasked: b.memberIdMasked,
        mobile: b.consentShareMobile ? b.memberMobile : null,
        orgUnitName: b.orgUnitName,
      },
      companions: b.companions.map((c) => ({ ...c, relation: c.relation as BookingDto['companions'][number]['relation'], gender: c.gender === 'male' || c.gender === 'female' ? c.gender : null })),
      beds: b.beds,
      usesAgreementPlace: b.quotaPlaces === 1,
      tripDays: b.tripDays,
      pricePerDayFen: b.pricePerDayFen,
      costPerPersonFen: b.pricePerDayFen * b.tripDays,
      waitlistPosition: positions.get(b.id) ?? null,
      offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null,
      consent: { at: b.consentAt.toISOString(), method: b.consentMethod as 'member' | 'staff_attested', shareMobile: b.consentShareMobile, version: b.consentVersion },
      checkinToken: member && status === 'confirmed' ? b.checkinToken : null,
      checkedInAt: b.checkedInAt?.toISOString() ?? null,
      requestedAt: b.requestedAt.toISOString(),
      approvedAt: b.approvedAt?.toISOString() ?? null,
      confirmedAt: b.confirmedAt?.toISOString() ?? null,
      closedAt: b.closedAt?.toISOString() ?? null,
      cancelKind: (b.cancelKind as BookingDto['cancelKind']) ?? null,
      cancelReason: b.cancelReason,
      nominated: b.nominated,
      can: {
        cancel: (member || home) && cancellable,
        acceptOffer: member && status === 'offered' && !!b.offerExpiresAt && ctx.now < b.offerExpiresAt,
        // the API refuses to approve what the policy refuses (review)
        approve: home && status === 'requested' && reviews.get(b.id)?.length === 0,
        confirm: host && status === 'approved',
        reject: (home && status === 'requested') || (host && status === 'approved'),
        checkIn: host && status === 'confirmed' && !b.checkedInAt,
        noShow: host && status === 'confirmed' && !b.checkedInAt && day >= f.startDate,
        complete: host && status === 'confirmed' && !!b.checkedInAt,
      },
      review: toReviewDto(reviews.get(b.id), ctx.locale),
      rowVersion: b.rowVersion,
    });
  }
  return out;
}

export async function toBookingDto(ctx: ServiceCtx, row: BookingRow): Promise<BookingDto> {
  return (await toBookingDtos(ctx, [row]))[0]!;
}

/** What a notice about this booking names: route, batch code, start date, host. */
export async function noticeVarsFor(ctx: ServiceCtx, b: BookingRow) {
  const f = (await batchFacts(ctx, [b])).get(b.batchId);
  const host = (await federationNames(ctx, [b.hostTenantId])).get(b.hostTenantId);
  return { route: f?.routeTitle ?? '', code: f?.code ?? '', date: f?.startDate ?? b.batchStart, host: host?.nameZh ?? '', hostEn: host?.nameEn ?? '' };
}
