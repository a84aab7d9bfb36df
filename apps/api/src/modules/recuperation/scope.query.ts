import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { membersInScope } from '../orgUnit/index.ts';
import type { BookingRow } from './recuperation.types.ts';

// The home side of recuperation under an officer's scope (the mechanism: orgUnit/scope.query.ts,
// docs/decisions/0052-org-unit-scope.md): a scoped officer sees and decides only bookings of members
// whose unit (as the member record says today) lies in their subtree. Out-of-scope bookings of the
// officer's own federation answer OUT_OF_SCOPE (FORBIDDEN), not NOT_FOUND: their existence is no
// secret inside the federation (any staff may read them through booking.get); the officer just may
// not decide them.

/** Home-side bookings (of the caller's federation) whose member lies outside the caller's scope. */
export async function outsideScope(ctx: ServiceCtx, rows: BookingRow[]): Promise<Set<string>> {
  if (!ctx.actor.orgUnitId) return new Set();
  const home = rows.filter((r) => r.tenantId === ctx.tenantId);
  const inside = await membersInScope(ctx, home.map((r) => r.memberId));
  return new Set(home.filter((r) => !inside.has(r.memberId)).map((r) => r.id));
}

/** Throws OUT_OF_SCOPE when a scoped officer acts for the home federation on a member outside their unit. */
export async function assertInScope(ctx: ServiceCtx, b: BookingRow): Promise<void> {
  if ((await outsideScope(ctx, [b])).has(b.id)) throw new AppError('OUT_OF_SCOPE');
}
