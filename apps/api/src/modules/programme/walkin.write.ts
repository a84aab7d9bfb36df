import { isValidIdNumber, isValidMobile, maskIdNumber, maskMobile, type walkInInput, type WalkInResultDto } from '@uc/contracts';
import { members, programmeRegistrations, programmeWalkIns } from '@uc/db';
import { and, eq, or } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { idNumberHmac } from '../member/index.ts';
import { nameOf } from './programme.dto.ts';
import { findEvent, findFederationNames, findSession } from './programme.repo.ts';

// A walk-in at the door (issue 10): someone of either city who came without registering. The host's
// staff record the name, the city and an ID number or a mobile; only a keyed hash of the number
// (person_key: the same hash members' ID numbers have) and its masked form are kept. A person counts
// once per session (the unique key: a repeat answers 'already') and once across sessions in 人数.
// Someone registered for the session is sent to the ticket scan instead, so nobody counts twice.

const mobileKey = (key: Buffer, mobile: string) => `m:${createHmac('sha256', key).update(`mobile:${mobile}`).digest('hex')}`;

export async function recordWalkIn(ctx: ServiceCtx, input: z.infer<typeof walkInInput>): Promise<WalkInResultDto> {
  const s = await findSession(ctx, input.sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  if (s.status !== 'scheduled') throw new AppError('PROGRAMME_STATE');
  const e = (await findEvent(ctx, s.eventId))!;
  const names = await findFederationNames(ctx, [e.tenantId, e.partnerTenantId]);
  const homeTenantId = input.home === 'host' ? e.tenantId : e.partnerTenantId;

  // one field at the door: a mobile, or else an ID number (with its check digit)
  const number = input.number.replace(/\s/g, '').toUpperCase();
  const mobile = isValidMobile(number) ? number : null;
  const idNumber = !mobile && isValidIdNumber(number) ? number : null;
  if (!mobile && !idNumber) throw new AppError('BAD_INPUT', { fields: { number: 'walk_in_number_invalid' } });
  const idHash = idNumber ? idNumberHmac(ctx.env.memberIdKey, idNumber) : null;
  const personKey = idHash ? `id:${idHash}` : mobileKey(ctx.env.memberIdKey, mobile!);
  const masked = idNumber ? maskIdNumber(idNumber) : maskMobile(mobile!);
  // the host's own member with that ID number (a mobile may be shared; a co-host's members are not the host's to read)
  const [member] =
    homeTenantId === ctx.tenantId && idHash
      ? await ctx.db
          .select({ id: members.id })
          .from(members)
          .where(and(eq(members.tenantId, ctx.tenantId), eq(members.idNumberHmac, idHash)))
          .limit(1)
      : [];
  // registered for this session: the ticket counts them, not a walk-in
  const registered = await ctx.db
    .select({ id: programmeRegistrations.id })
    .from(programmeRegistrations)
    .where(
      and(
        eq(programmeRegistrations.poolId, s.id),
        eq(programmeRegistrations.status, 'registered'),
        or(...(member ? [eq(programmeRegistrations.memberId, member.id)] : []), ...(mobile ? [eq(programmeRegistrations.memberMobile, mobile)] : [])),
      ),
    )
    .limit(1);
  if ((member || mobile) && registered.length) throw new AppError('WALK_IN_REGISTERED');

  const home = nameOf(names, homeTenantId, ctx.locale);
  const [row] = await ctx.db
    .insert(programmeWalkIns)
    .values({ tenantId: ctx.tenantId, sessionId: s.id, eventId: e.id, homeTenantId, name: input.name, keyKind: idNumber ? 'id_number' : 'mobile', personKey, masked, memberId: member?.id ?? null, recordedBy: ctx.actor.label, at: ctx.now })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [first] = await ctx.db.select().from(programmeWalkIns).where(and(eq(programmeWalkIns.tenantId, ctx.tenantId), eq(programmeWalkIns.sessionId, s.id), eq(programmeWalkIns.personKey, personKey)));
    return { outcome: 'already', name: first!.name, home: nameOf(names, first!.homeTenantId, ctx.locale), masked: first!.masked, at: first!.at.toISOString() };
  }
  await recordAudit(ctx, { type: 'programme.walk_in_recorded', entityType: 'programme_session', entityId: s.id, data: { walkInId: row.id, home: names.get(homeTenantId)!.slug } });
  return { outcome: 'recorded', name: row.name, home, masked, at: row.at.toISOString() };
}
