import { agreements, federations, jointItems, jointItemSides, jointMilestoneAlerts, jointMilestones, jointMilestoneSides, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, lt, notInArray } from 'drizzle-orm';
import { chinaDate } from '../lib/dates.ts';
import { auditToParties, findAgreement, findParties } from '../modules/agreement/index.ts';
import { alertPeriod, daysOverdue, findMilestone, notifyPartyLeads, recordActivity } from '../modules/jointItem/index.ts';
import { systemActor, type ServiceCtx } from '../service.ts';

// The daily overdue pass (DOMAIN §3): an open milestone past its due date (calendar dates in
// China) alerts both sides' leads — in-app and by email — on its first day overdue and again at
// the start of each further week. "Exactly once per period" is the database's doing: the pass
// inserts (milestone, due date, period) into joint_milestone_alert first and notifies only when
// that insert made a row, so a second run, or two runs at once, send nothing more.

export interface OverdueResult {
  alerted: { milestoneId: string; period: number }[];
}

export async function runMilestoneOverdue(db: Db, now: Date, env: ServiceCtx['env']): Promise<OverdueResult> {
  const today = chinaDate(now);
  const result: OverdueResult = { alerted: [] };
  const failures: unknown[] = [];
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    // milestones this federation owns (as the agreement's owner): each is handled once, by its owner
    const due = await withTenant(db, fed.id, (tx) =>
      tx
        .select({ id: jointMilestones.id })
        .from(jointMilestones)
        .innerJoin(jointItems, and(eq(jointItems.tenantId, jointMilestones.tenantId), eq(jointItems.id, jointMilestones.itemId)))
        .innerJoin(agreements, and(eq(agreements.tenantId, jointMilestones.tenantId), eq(agreements.id, jointMilestones.agreementId)))
        .where(
          and(
            eq(jointMilestones.tenantId, fed.id),
            eq(jointMilestones.status, 'open'),
            lt(jointMilestones.dueDate, today),
            notInArray(jointItems.status, ['done', 'cancelled']),
            eq(agreements.status, 'active'),
          ),
        ),
    );
    for (const { id } of due) {
      try {
        await withTenant(db, fed.id, async (tx) => {
          const ctx: ServiceCtx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
          const period = await alertOne(ctx, id, today);
          if (period !== null) result.alerted.push({ milestoneId: id, period });
        });
      } catch (e) {
        console.error(`[jobs] items.overdue failed for milestone ${id}`, e);
        failures.push(e);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `items.overdue: ${failures.length} milestone(s) failed`);
  return result;
}

/** Alerts one milestone for today's period if nobody has yet; returns the period alerted, or null. */
async function alertOne(ctx: ServiceCtx, id: string, today: string): Promise<number | null> {
  const m = await findMilestone(ctx, id, { forUpdate: true });
  const period = alertPeriod(m.dueDate, today, m.status);
  if (period === null) return null;
  const claimed = await ctx.db
    .insert(jointMilestoneAlerts)
    .values({ tenantId: m.tenantId, milestoneId: m.id, dueDate: m.dueDate, period, sentAt: ctx.now })
    .onConflictDoNothing()
    .returning({ period: jointMilestoneAlerts.period });
  if (!claimed.length) return null;

  const a = await findAgreement(ctx, m.agreementId);
  const parties = await findParties(ctx, a);
  const [item] = await ctx.db.select().from(jointItems).where(and(eq(jointItems.tenantId, m.tenantId), eq(jointItems.id, m.itemId)));
  const itemSides = await ctx.db.select().from(jointItemSides).where(and(eq(jointItemSides.tenantId, m.tenantId), eq(jointItemSides.itemId, m.itemId)));
  const owners = await ctx.db.select().from(jointMilestoneSides).where(and(eq(jointMilestoneSides.tenantId, m.tenantId), eq(jointMilestoneSides.milestoneId, m.id)));
  const days = daysOverdue(m.dueDate, today, m.status);
  for (const p of parties) {
    const named = [itemSides.find((s) => s.partyTenantId === p.tenantId)?.responsibleUserId, owners.find((s) => s.partyTenantId === p.tenantId)?.ownerUserId].filter(
      (u): u is string => Boolean(u),
    );
    await notifyPartyLeads(
      ctx.db,
      p,
      [...new Set(named)],
      {
        kind: 'milestone.overdue',
        vars: { title: a.title, item: item!.title, milestone: m.title, date: m.dueDate, days },
        link: `/t/{slug}/items/${m.itemId}`,
        dedupeKey: `milestone.overdue:${m.id}:${m.dueDate}:${period}`,
      },
      ctx.env.publicUrl,
    );
  }
  await auditToParties(ctx, parties, { type: 'milestone.overdue_alerted', entityType: 'joint_milestone', entityId: m.id, data: { agreementId: a.id, itemId: m.itemId, dueDate: m.dueDate, period } });
  await recordActivity(ctx, { agreement: a, itemId: m.itemId, milestoneId: m.id, type: 'milestone.overdue', data: { title: m.title, dueDate: m.dueDate, daysOverdue: days, period } });
  return period;
}
