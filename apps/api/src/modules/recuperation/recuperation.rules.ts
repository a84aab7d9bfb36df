import type { Role } from '@uc/contracts';
import { randomInt } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { addDays, chinaDate } from '../../lib/dates.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import type { BatchRow, BookingRow, FederationName } from './recuperation.types.ts';

// What the recuperation use cases share, pure: who may write, today's date in China, who a
// booking is visible to and which side acts on it.

/** A random 6-digit check-in code none of `taken` holds (a member reads it aloud at the desk). */
export function newCheckinCode(taken: Set<string>): string {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!taken.has(code)) return code;
  }
}

/** host-side and home-side writes (bases, batches, approvals, allocations, policy) */
export const WRITER_ROLES: Role[] = ['admin', 'officer'];

/** today's date in China */
export const today = (ctx: Pick<ServiceCtx, 'now'>) => chinaDate(ctx.now);
export const yearOf = (date: string) => Number(date.slice(0, 4));
/** the morning the batch leaves: start + nights */
export const endDateOf = (startDate: string, nights: number) => addDays(startDate, nights);

/** No offers down the waitlist from the start date on (midnight in China). */
export const offerUntilOf = (startDate: string) => new Date(`${startDate}T00:00:00+08:00`);

export const nameOf = (f: FederationName | undefined) => ({ slug: f?.slug ?? '', nameZh: f?.nameZh ?? '', nameEn: f?.nameEn ?? '' });

export const isBookable = (b: Pick<BatchRow, 'status' | 'bookingOpens' | 'bookingCloses'>, day: string) => b.status === 'open' && b.bookingOpens <= day && day <= b.bookingCloses;

/** A member sees only their own bookings; staff those of their members and those at their batches. */
export function visibleTo(ctx: ServiceCtx, b: BookingRow): boolean {
  if (ctx.actor.roles.includes('member') && !hasRole(ctx.actor, 'admin', 'officer', 'signatory', 'lead', 'judge', 'caseworker')) {
    return b.tenantId === ctx.tenantId && b.memberId === ctx.actor.memberId;
  }
  return b.tenantId === ctx.tenantId || b.hostTenantId === ctx.tenantId;
}

export const isMemberOf = (ctx: ServiceCtx, b: BookingRow) => b.tenantId === ctx.tenantId && ctx.actor.memberId === b.memberId;
export const isHomeStaff = (ctx: ServiceCtx, b: BookingRow) => b.tenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES);
export const isHostStaff = (ctx: ServiceCtx, b: BookingRow) => b.hostTenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES);

export type Side = 'member' | 'home' | 'host';

/** Which of the allowed sides the caller acts as on the booking; FORBIDDEN when none. */
export function sideOf(ctx: ServiceCtx, b: BookingRow, allowed: Side[]): Side {
  if (allowed.includes('member') && b.tenantId === ctx.tenantId && ctx.actor.memberId === b.memberId && ctx.actor.roles.includes('member')) return 'member';
  if (allowed.includes('home') && b.tenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES)) return 'home';
  if (allowed.includes('host') && b.hostTenantId === ctx.tenantId && hasRole(ctx.actor, ...WRITER_ROLES)) return 'host';
  throw new AppError('FORBIDDEN');
}
