import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findMemberIdsInUnitTree } from './recuperation.repo.ts';
import type { BookingRow } from './recuperation.types.ts';

// A staff membership may be limited to an org unit (membership.org_unit_id): such an officer acts
// for that unit and the units below it, so on the home side they see and decide only bookings of
// members whose unit (as the member record says today) lies in that subtree. A federation-wide
// officer (no scope) sees all. Out-of-scope bookings of the officer's own federation answer
// FORBIDDEN, not NOT_FOUND: their existence is no secret inside the federation (any staff may read
// them through booking.get); the officer just may not decide them.

/** Of these members of the caller's federation, the ones inside the caller's scope (all when unscoped). */
export async function membersInScope(ctx: ServiceCtx, memberIds: string[]): Promise<Set<string>> {
  const unit = ctx.actor.orgUnitId;
  if (!unit || !memberIds.length) return new Set(memberIds);
  return new Set(await findMemberIdsInUnitTree(ctx, memberIds, unit));
}

/** Home-side bookings (of the caller's federation) whose member lies outside the caller's scope. */
export async function outsideScope(ctx: ServiceCtx, rows: BookingRow[]): Promise<Set<string>> {
  if (!ctx.actor.orgUnitId) return new Set();
  const home = rows.filter((r) => r.tenantId === ctx.tenantId);
  const inside = await membersInScope(ctx, home.map((r) => r.memberId));
  return new Set(home.filter((r) => !inside.has(r.memberId)).map((r) => r.id));
}

/** Throws FORBIDDEN when a scoped officer acts for the home federation on a member outside their unit. */
export async function assertInScope(ctx: ServiceCtx, b: BookingRow): Promise<void> {
  if ((await outsideScope(ctx, [b])).has(b.id)) throw new AppError('FORBIDDEN', { reason: 'out_of_scope' });
}
