import { jointItems } from '@uc/db';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { findAgreement, findParties, type WindDownStep } from '../agreement/index.ts';
import { findJointItem } from './jointItem.repo.ts';
import { recordStatusMove } from './jointItem.write.ts';

// Joint items' part of an ended agreement's wind-down (docs/decisions/0038): the items still open
// (not done, not cancelled) are closed as cancelled with the reason, seen by both parties in the
// audit and on each item's activity. Items live in the agreement owner's federation, so the step
// does its work there and finds nothing in the other party's.

export const jointItemWindDown: WindDownStep = {
  name: 'items',
  label: { zh: '关闭未完成的共建项目 {n} 个', en: '{n} open joint items closed' },
  async run(ctx, a) {
    if (a.agreementTenantId !== ctx.tenantId) return 0;
    const open = await ctx.db
      .select({ id: jointItems.id })
      .from(jointItems)
      .where(and(eq(jointItems.tenantId, ctx.tenantId), eq(jointItems.agreementId, a.agreementId), notInArray(jointItems.status, ['done', 'cancelled'])))
      .orderBy(asc(jointItems.id));
    if (!open.length) return 0;
    const agreement = await findAgreement(ctx, a.agreementId);
    const parties = await findParties(ctx, agreement);
    const reason = a.ended === 'terminated' ? '合作协议已终止，项目随之关闭' : '合作协议已到期，项目随之关闭';
    let n = 0;
    for (const { id } of open) {
      const item = await findJointItem(ctx, id, { forUpdate: true });
      if (item.status === 'done' || item.status === 'cancelled') continue;
      await recordStatusMove(ctx, { item, agreement, parties }, 'cancelled', reason);
      n++;
    }
    return n;
  },
};
