import { federations, rightsSlaAlerts, withoutTenant, withTenant, type Db } from '@uc/db';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyFederation } from '../notification/index.ts';
import { clocksOfVisible } from './referral.query.ts';
import { CLOCK_LABELS, DISPUTE_LABELS } from './rights.labels.ts';
import { findFederations } from './rights.repo.ts';
import type { ReferralRow } from './rights.types.ts';

// The SLA pass (pg-boss 'rights.sla', every 15 minutes): computes every open referral's clocks
// from its events, as its referring federation (the owner) sees them, and for a clock near its
// end warns the side that holds it; for a breached clock escalates to both sides' caseworkers and
// admins (the supervisors). Each (referral, clock, level) is sent once: the pass inserts it into
// rights_sla_alert first and notifies only when that insert made a row, so a second run, or two
// workers at once, send nothing more.

export interface SlaResult {
  alerted: { referralId: string; clock: string; level: 'warning' | 'breach' }[];
}

export async function runRightsSla(db: Db, now: Date, env: ServiceCtx['env']): Promise<SlaResult> {
  const result: SlaResult = { alerted: [] };
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    await withTenant(db, fed.id, async (tx) => {
      const ctx: ServiceCtx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
      for (const { referral, clocks } of await clocksOfVisible(ctx)) {
        if (referral.tenantId !== fed.id) continue; // each referral once, by its owner
        for (const c of clocks) {
          const level = c.breached ? 'breach' : c.warning ? 'warning' : null;
          if (!level) continue;
          const claimed = await tx
            .insert(rightsSlaAlerts)
            .values({ tenantId: fed.id, referralId: referral.id, clock: c.kind, level, sentAt: now })
            .onConflictDoNothing()
            .returning({ clock: rightsSlaAlerts.clock });
          if (!claimed.length) continue;
          await alert(ctx, referral, c.kind, level, c.budgetDays);
          result.alerted.push({ referralId: referral.id, clock: c.kind, level });
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
