import type { HourClockKind } from '@uc/contracts';
import { federations, rightsSlaAlerts, withoutTenant, withTenant, type Db } from '@uc/db';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyFederation } from '../notification/index.ts';
import { clocksOfVisible } from './referral.query.ts';
import { CLOCK_LABELS, DISPUTE_LABELS, HOUR_CLOCK_LABELS, minutesLabel } from './rights.labels.ts';
import { findFederations } from './rights.repo.ts';
import type { ReferralRow } from './rights.types.ts';

// The SLA pass (pg-boss 'rights.sla', every 15 minutes): computes every open referral's clocks
// from its events, as its referring federation (the owner) sees them, and for a clock near its
// end warns the side that holds it; for a breached clock escalates to both sides' caseworkers and
// admins (the supervisors). Each (referral, clock, level) is sent once: the pass inserts it into
// rights_sla_alert first and notifies only when that insert made a row, so a second run, or two
// workers at once, send nothing more. A hotline referral's hour clocks (dispatch, first response,
// follow-up in business hours, docs/decisions/0055) go the same way under their own clock names.

export interface SlaResult {
  alerted: { referralId: string; clock: string; level: 'warning' | 'breach' }[];
}

export async function runRightsSla(db: Db, now: Date, env: ServiceCtx['env']): Promise<SlaResult> {
  const result: SlaResult = { alerted: [] };
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    await withTenant(db, fed.id, async (tx) => {
      const ctx: ServiceCtx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
      for (const { referral, clocks, hourClocks } of await clocksOfVisible(ctx)) {
        if (referral.tenantId !== fed.id) continue; // each referral once, by its owner
        const claim = async (clock: string, level: 'warning' | 'breach') => {
          const claimed = await tx
            .insert(rightsSlaAlerts)
            .values({ tenantId: fed.id, referralId: referral.id, clock, level, sentAt: now })
            .onConflictDoNothing()
            .returning({ clock: rightsSlaAlerts.clock });
          if (claimed.length) result.alerted.push({ referralId: referral.id, clock, level });
          return claimed.length > 0;
        };
        for (const c of clocks) {
          const level = c.breached ? 'breach' : c.warning ? 'warning' : null;
          if (level && (await claim(c.kind, level))) await alert(ctx, referral, c.kind, level, c.budgetDays);
        }
        for (const c of hourClocks) {
          const level = c.breached ? 'breach' : c.warning ? 'warning' : null;
          if (level && (await claim(c.kind, level))) await alertHour(ctx, referral, c.kind, level, c.budgetMinutes);
        }
      }
    });
  }
  return result;
}

async function alert(ctx: ServiceCtx, r: ReferralRow, clock: keyof typeof CLOCK_LABELS, level: 'warning' | 'breach', days: number) {
  const feds = await findFederations(ctx.db, [r.tenantId, r.performerTenantId]);
  const holder = clock === 'follow_up' ? r.tenantId : r.performerTenantId;
  const targets = level === 'breach' ? [r.performerTenantId, r.tenantId] : [holder];
  const kind = DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS];
  for (const t of targets) {
    const f = feds.get(t)!;
    await notifyFederation(
      ctx.db,
      { tenantId: f.id, slug: f.slug },
      level === 'breach' ? ['caseworker', 'admin'] : ['caseworker'],
      {
        kind: level === 'breach' ? 'rights.sla_breach' : 'rights.sla_warning',
        vars: { clock: CLOCK_LABELS[clock].zh, clockEn: CLOCK_LABELS[clock].en, kind: kind.zh, kindEn: kind.en, days },
        link: `/t/{slug}/rights/${r.id}`,
        dedupeKey: `rights.sla:${r.id}:${clock}:${level}`,
      },
      ctx.env.publicUrl,
    );
  }
  await recordAudit(ctx, { type: 'rights.sla_alerted', entityType: 'rights_referral', entityId: r.id, data: { clock, level } });
}

/** An hour clock's notice: the performer holds dispatch and first response, the referrer the follow-up call; a breach goes to both sides' caseworkers and admins. */
async function alertHour(ctx: ServiceCtx, r: ReferralRow, clock: HourClockKind, level: 'warning' | 'breach', minutes: number) {
  const feds = await findFederations(ctx.db, [r.tenantId, r.performerTenantId]);
  const holder = clock === 'hotline_follow_up' ? r.tenantId : r.performerTenantId;
  const targets = level === 'breach' ? [r.performerTenantId, r.tenantId] : [holder];
  const kind = DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS];
  const limit = minutesLabel(minutes);
  for (const t of targets) {
    const f = feds.get(t)!;
    await notifyFederation(
      ctx.db,
      { tenantId: f.id, slug: f.slug },
      level === 'breach' ? ['caseworker', 'admin'] : ['caseworker'],
      {
        kind: level === 'breach' ? 'rights.hotline_breach' : 'rights.hotline_warning',
        vars: { clock: HOUR_CLOCK_LABELS[clock].zh, clockEn: HOUR_CLOCK_LABELS[clock].en, kind: kind.zh, kindEn: kind.en, limit: limit.zh, limitEn: limit.en },
        link: `/t/{slug}/rights/${r.id}`,
        dedupeKey: `rights.sla:${r.id}:${clock}:${level}`,
      },
      ctx.env.publicUrl,
    );
  }
  await recordAudit(ctx, { type: 'rights.sla_alerted', entityType: 'rights_referral', entityId: r.id, data: { clock, level } });
}
