import type { ActivityType } from '@uc/contracts';
import { jointItemActivity } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';

// The activity feed of joint items: one row per change, in the agreement owner's tenant, read by
// every party (row-level security as for the items). Written in the same transaction as the change.

export interface ActivityEntry {
  agreement: { tenantId: string; id: string };
  itemId: string | null;
  milestoneId?: string | null;
  type: ActivityType;
  data?: Record<string, unknown>;
}

export async function recordActivity(ctx: ServiceCtx, e: ActivityEntry): Promise<void> {
  const system = ctx.actor.userId === null;
  await ctx.db.insert(jointItemActivity).values({
    tenantId: e.agreement.tenantId,
    agreementId: e.agreement.id,
    itemId: e.itemId,
    milestoneId: e.milestoneId ?? null,
    type: e.type,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    // a job acts for nobody; a person acts for the federation of the request
    actorTenantId: system ? null : ctx.tenantId,
    data: e.data ?? {},
    at: ctx.now,
  });
}
