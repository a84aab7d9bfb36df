import type { AgreementStatus } from '@uc/contracts';
import { agreements, federations, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, lte } from 'drizzle-orm';
import { addDays, chinaDate } from '../lib/dates.ts';
import { type AgreementRow, type Amendment, assertAllowed, auditToParties, findAgreement, findParties, next, type PartyRow } from '../modules/agreement/index.ts';
import { notifyFederation, type Notice } from '../modules/notification/index.ts';
import { systemActor, type ServiceCtx } from '../service.ts';

// The daily agreement job (DOMAIN §2): an active agreement whose term has ended becomes expired,
// and one whose term ends within NOTICE_DAYS gets one "expiring" notice per party. Terms are
// calendar dates in China Standard Time: the last day of the term is still in force.

export const NOTICE_DAYS = 30;
const NOTIFIED_ROLES = ['admin', 'signatory', 'lead'] as const;

export interface ExpiryResult {
  expired: string[];
  noticed: string[];
}

/**
 * Runs the expiry pass as of `now`. Each agreement is handled in its own transaction in its owner's
 * tenant, locked and re-checked there, so a second run, a concurrent run or a step a user takes
 * meanwhile changes nothing twice. One agreement failing does not stop the others; the pass then
 * throws so the job is retried (which is safe for the same reason).
 */
export async function runAgreementExpiry(db: Db, now: Date, env: ServiceCtx['env']): Promise<ExpiryResult> {
  const today = chinaDate(now);
  const result: ExpiryResult = { expired: [], noticed: [] };
  const failures: unknown[] = [];
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    // agreements this federation owns: each agreement is handled once, by its owner
    const due = await withTenant(db, fed.id, (tx) =>
      tx
        .select({ id: agreements.id })
        .from(agreements)
        .where(and(eq(agreements.tenantId, fed.id), eq(agreements.status, 'active'), lte(agreements.termEnd, addDays(today, NOTICE_DAYS)))),
    );
    for (const { id } of due) {
      try {
        await withTenant(db, fed.id, async (tx) => {
          const ctx: ServiceCtx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
          const a = await findAgreement(ctx, id, { forUpdate: true });
          if (await expire(ctx, a, today)) result.expired.push(id);
          else if (await noticeExpiring(ctx, a, today)) result.noticed.push(id);
        });
      } catch (e) {
        console.error(`[jobs] agreements.expiry failed for agreement ${id}`, e);
        failures.push(e);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `agreements.expiry: ${failures.length} agreement(s) failed`);
  return result;
}

/** active with a term that ended before today → expired, audited and notified to every party */
async function expire(ctx: ServiceCtx, a: AgreementRow, today: string): Promise<boolean> {
  if (a.status !== 'active' || a.termEnd >= today) return false;
  const before = { status: a.status as AgreementStatus, amendment: a.amendment as Amendment };
  assertAllowed(before, 'expire', { roles: [], isInitiator: true, isSystem: true });
  const after = next(before, 'expire');
  // rowVersion moves on so a user's step prepared on the active agreement is refused as stale
  await ctx.db
    .update(agreements)
    .set({ ...after, rowVersion: a.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(agreements.tenantId, a.tenantId), eq(agreements.id, a.id)));
  const parties = await findParties(ctx, a);
  await auditToParties(ctx, parties, {
    type: 'agreement.step',
    entityType: 'agreement',
    entityId: a.id,
    data: { step: 'expire', from: before.amendment ? `${before.status}+amendment:${before.amendment}` : before.status, to: after.status },
  });
  await notifyParties(ctx, parties, { kind: 'agreement.expired', vars: { title: a.title, date: a.termEnd }, link: linkOf(a), dedupeKey: `agreement.expired:${a.id}` });
  return true;
}

/**
 * One "expiring" notice per party per term end. expiry_notice_sent_at says a notice went out; one
 * sent before the current 30-day window opened was for an earlier term end (an amendment may have
 * extended the term), so the new end is announced again. The dedupe key backs this up per user.
 */
async function noticeExpiring(ctx: ServiceCtx, a: AgreementRow, today: string): Promise<boolean> {
  const windowOpens = addDays(a.termEnd, -NOTICE_DAYS);
  if (a.status !== 'active' || a.termEnd < today || today < windowOpens) return false;
  if (a.expiryNoticeSentAt && chinaDate(a.expiryNoticeSentAt) >= windowOpens) return false;
  const parties = await findParties(ctx, a);
  await notifyParties(ctx, parties, {
    kind: 'agreement.expiring',
    vars: { title: a.title, date: a.termEnd },
    link: linkOf(a),
    dedupeKey: `agreement.expiring:${a.id}:${a.termEnd}`,
  });
  // not a lifecycle step: rowVersion stays, so nobody's pending step becomes stale
  await ctx.db
    .update(agreements)
    .set({ expiryNoticeSentAt: ctx.now })
    .where(and(eq(agreements.tenantId, a.tenantId), eq(agreements.id, a.id)));
  return true;
}

const linkOf = (a: AgreementRow) => `/t/{slug}/agreements/${a.id}`;

async function notifyParties(ctx: ServiceCtx, parties: PartyRow[], notice: Notice) {
  for (const p of parties) await notifyFederation(ctx.db, p, [...NOTIFIED_ROLES], notice, ctx.env.publicUrl);
}
