import type { ClockKind, HourClockKind } from '@uc/contracts';
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
          if (level && (await claim(c.kind, level)))
            await alert(ctx, referral, { clock: c.kind, label: CLOCK_LABELS[c.kind], level, notice: 'sla', heldByReferrer: c.kind === 'follow_up', limit: { days: c.budgetDays } });
        }
        for (const c of hourClocks) {
          const level = c.breached ? 'breach' : c.warning ? 'warning' : null;
          if (!level || !(await claim(c.kind, level))) continue;
          const limit = minutesLabel(c.budgetMinutes);
          await alert(ctx, referral, { clock: c.kind, label: HOUR_CLOCK_LABELS[c.kind], level, notice: 'hotline', heldByReferrer: c.kind === 'hotline_follow_up', limit: { limit: limit.zh, limitEn: limit.en } });
        }
      }
    });
  }
  return result;
}

const NOTICE_KINDS = {
  sla: { warning: 'rights.sla_warning', breach: 'rights.sla_breach' },
  hotline: { warning: 'rights.hotline_warning', breach: 'rights.hotline_breach' },
} as const;

interface ClockAlert {
  clock: ClockKind | HourClockKind;
  label: { zh: string; en: string };
  level: 'warning' | 'breach';
  /** day clocks or the hotline's hour clocks (their own notice kinds) */
  notice: keyof typeof NOTICE_KINDS;
  /** the referrer holds the follow-up call, the performer every other clock */
  heldByReferrer: boolean;
  /** the budget as the notice words it */
  limit: Record<string, string | number>;
}

/** A warning goes to the side holding the clock; a breach to both sides' caseworkers and admins. */
async function alert(ctx: ServiceCtx, r: ReferralRow, a: ClockAlert) {
  const feds = await findFederations(ctx.db, [r.tenantId, r.performerTenantId]);
  const holder = a.heldByReferrer ? r.tenantId : r.performerTenantId;
  const targets = a.level === 'breach' ? [r.performerTenantId, r.tenantId] : [holder];
  const kind = DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS];
  for (const t of targets) {
    const f = feds.get(t)!;
    await notifyFederation(
      ctx.db,
      { tenantId: f.id, slug: f.slug },
      a.level === 'breach' ? ['caseworker', 'admin'] : ['caseworker'],
      {
        kind: NOTICE_KINDS[a.notice][a.level],
        vars: { clock: a.label.zh, clockEn: a.label.en, kind: kind.zh, kindEn: kind.en, ...a.limit },
        link: `/t/{slug}/rights/${r.id}`,
        dedupeKey: `rights.sla:${r.id}:${a.clock}:${a.level}`,
      },
      ctx.env.publicUrl,
    );
  }
  await recordAudit(ctx, { type: 'rights.sla_alerted', entityType: 'rights_referral', entityId: r.id, data: { clock: a.clock, level: a.level } });
}
