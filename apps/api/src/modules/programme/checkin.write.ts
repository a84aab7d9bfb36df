import type { CheckInResultDto } from '@uc/contracts';
import { programmeRegistrations } from '@uc/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { nameOf } from './programme.dto.ts';
import { findFederationNames, findRegistration, findSession } from './programme.repo.ts';
import { readTicket } from './ticket.crypto.ts';

// Check-in at the door: the host's staff scan (or type) a ticket on a phone. A ticket counts once
// per session: the first scan sets checked_in_at, a repeat answers 'already' with the time of the
// first (and changes nothing); a forged code, a ticket of another session or a cancelled
// registration is refused with TICKET_INVALID.

export async function checkIn(ctx: ServiceCtx, input: { sessionId: string; token: string }): Promise<CheckInResultDto> {
  const s = await findSession(ctx, input.sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  const id = readTicket(ctx.env.memberIdKey, input.token);
  if (!id) throw new AppError('TICKET_INVALID');
  const r = await findRegistration(ctx, id, true);
  if (!r || r.hostTenantId !== ctx.tenantId || r.poolId !== s.id || r.status !== 'registered' || s.status !== 'scheduled') throw new AppError('TICKET_INVALID');
  const home = nameOf(await findFederationNames(ctx, [r.tenantId]), r.tenantId, ctx.locale);
  const [row] = await ctx.db
    .update(programmeRegistrations)
    .set({ checkedInAt: ctx.now, checkedInBy: ctx.actor.label, updatedAt: ctx.now })
    .where(and(eq(programmeRegistrations.tenantId, r.tenantId), eq(programmeRegistrations.id, r.id), isNull(programmeRegistrations.checkedInAt)))
    .returning();
  if (!row) return { outcome: 'already', memberName: r.memberName, home, checkedInAt: r.checkedInAt!.toISOString() };
  await recordAudit(ctx, { type: 'programme.checked_in', entityType: 'programme_registration', entityId: r.id, data: { sessionId: s.id } });
  return { outcome: 'checked_in', memberName: r.memberName, home, checkedInAt: row.checkedInAt!.toISOString() };
}
