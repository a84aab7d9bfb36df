import { asTenant } from '@uc/db';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors.ts';
import { addYears, chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertOrganiser, enteringParties, visibleEvent } from './contest.access.ts';
import { findAppeals, findCertificatesOfEvent, findFederations, findRegistrationsOfEvent, insertCertificate, insertHonour, lockEvent, updateEvent } from './contest.repo.ts';
import { appealUntil, certificateHash, maskName } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';
import { rankedEntrants } from './result.query.ts';

// Finalising an event once the appeal window has passed and every appeal is decided: the awards
// of the results as they now stand become certificates (a number, the masked facts and their
// hash), and titles (技术能手) are written to the winners' honour records in their home federation.

export async function finalise(ctx: ServiceCtx, eventId: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const event = (await lockEvent(ctx, ctx.tenantId, eventId, 'update'))!;
  if (!event.publishedAt || event.finalisedAt) throw new AppError('CONTEST_STATE', { reason: event.finalisedAt ? 'already_finalised' : 'not_published' });
  if (ctx.now <= appealUntil(event.publishedAt, event.appealHours)) throw new AppError('CONTEST_STATE', { reason: 'appeal_window_open' });
  if ((await findAppeals(ctx, event.id)).some((a) => a.status === 'filed')) throw new AppError('CONTEST_STATE', { reason: 'appeals_pending' });
  const [ranked, regs] = await Promise.all([rankedEntrants(ctx, event), findRegistrationsOfEvent(ctx, event.id, ['registered'])]);
  const regOf = new Map(regs.map((r) => [r.id, r]));
  const feds = await findFederations(ctx, enteringParties(contest));
  const issuers = enteringParties(contest).map((t) => feds.get(t)?.nameZh ?? '');
  const issuedOn = chinaDate(ctx.now);
  let certificates = 0;
  let titles = 0;
  for (const r of ranked) {
    const reg = regOf.get(r.entrantId);
    if (!r.award || !reg) continue;
    const facts = {
      number: `UC-${contest.year}-${randomBytes(5).toString('hex').toUpperCase()}`,
      maskedName: maskName(reg.memberName),
      contestTitle: contest.title,
      trade: event.trade,
      award: r.award.award,
      title: r.award.title?.name ?? null,
      issuedOn,
      issuers,
    };
    const validUntil = r.award.title ? addYears(issuedOn, r.award.title.years) : null;
    await insertCertificate(ctx, { ...facts, eventId: event.id, entrantId: r.entrantId, homeTenantId: r.homeTenantId, rank: r.rank, validUntil, hash: certificateHash(facts) });
    certificates++;
    const title = r.award.title;
    if (title) {
      await asTenant(ctx.db, reg.tenantId, () =>
        insertHonour(ctx, { tenantId: reg.tenantId, memberId: reg.memberId, kind: title.honourKind, source: `${contest.title}·${event.trade}·${r.award!.award}（${facts.number}）`, validFrom: issuedOn, validUntil }),
      );
      titles++;
    }
  }
  await updateEvent(ctx, event.id, { finalisedAt: ctx.now });
  await auditAll(ctx, contest.partyTenantIds, { type: 'contest.finalised', entityType: 'contest_event', entityId: event.id, data: { certificates, titles } });
  return findCertificatesOfEvent(ctx, event.id);
}
