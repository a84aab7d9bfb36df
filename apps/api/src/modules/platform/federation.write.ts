import type { FederationCreateInput } from '@uc/contracts';
import { asTenant, federations, orgUnits, sessions, memberships, withoutTenant } from '@uc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { inviteStaff } from '../staff/index.ts';
import type { PlatformCtx } from './platform.types.ts';
import { recordPlatformAudit } from './platformAudit.write.ts';

// The platform operator onboards a federation (docs/decisions/0014-go-live.md): the federation,
// its root org unit and the invitation of its first admin (emailed through the outbox), in one
// transaction, written to the platform chain and to the new federation's own chain. The demo seed
// and the CLI use the same service.

/** The tenant-service context the operator acts in inside a federation (its invitation, its audit chain). */
const inFederation = (ctx: PlatformCtx, tx: ServiceCtx['db'], tenantId: string): ServiceCtx => ({
  db: tx,
  tenantId,
  actor: { userId: ctx.actor.userId, label: ctx.actor.label, ip: ctx.actor.ip, userAgent: null, roles: [], memberId: null },
  now: ctx.now,
  locale: 'zh-CN',
  env: ctx.env,
});

export async function createFederation(ctx: PlatformCtx, input: FederationCreateInput): Promise<{ id: string; slug: string; invitationLink: string }> {
  try {
    return await withoutTenant(ctx.db, async (tx) => {
      const [fed] = await tx
        .insert(federations)
        .values({
          slug: input.slug,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          city: input.city,
          regionCode: input.regionCode,
          contactName: input.contactName,
          contactEmail: input.contactEmail.toLowerCase(),
          contactPhone: input.contactPhone,
          createdAt: ctx.now,
        })
        .returning();
      const svc = inFederation(ctx, tx, fed!.id);
      const { link } = await asTenant(tx, fed!.id, async () => {
        await tx.insert(orgUnits).values({ tenantId: fed!.id, name: input.nameZh, kind: 'city' });
        await recordAudit(svc, { type: 'federation.onboarded', entityType: 'federation', entityId: fed!.id, data: { slug: fed!.slug, by: ctx.actor.label } });
        return inviteStaff(svc, { email: input.adminEmail, displayName: input.adminName, roles: ['admin'] });
      });
      await recordPlatformAudit(tx, ctx.actor, ctx.now, {
        type: 'platform.federation_created',
        entityType: 'federation',
        entityId: fed!.id,
        data: { slug: fed!.slug, nameZh: fed!.nameZh, regionCode: fed!.regionCode, adminEmail: input.adminEmail.toLowerCase() },
      });
      return { id: fed!.id, slug: fed!.slug, invitationLink: link };
    });
  } catch (e) {
    if (isViolation(e, UNIQUE_VIOLATION)) throw new AppError('CONFLICT', { fields: { slug: 'duplicate_existing' } });
    throw e;
  }
}

/**
 * Suspends a federation: its users can no longer sign in or act in it, their sessions end (those
 * of users with no other active federation), and its partners see it as suspended.
 */
export async function suspendFederation(ctx: PlatformCtx, input: { slug: string; reason: string }): Promise<void> {
  await withoutTenant(ctx.db, async (tx) => {
    const [fed] = await tx
      .update(federations)
      .set({ status: 'suspended', suspendedAt: ctx.now, suspendedReason: input.reason })
      .where(and(eq(federations.slug, input.slug), eq(federations.status, 'active')))
      .returning();
    if (!fed) throw new AppError('NOT_FOUND');
    await asTenant(tx, fed.id, async () => {
      await recordAudit(inFederation(ctx, tx, fed.id), { type: 'federation.suspended', entityType: 'federation', entityId: fed.id, data: { reason: input.reason } });
      // end the sessions of its users who belong to no other active federation (operators keep theirs)
      const userIds = (await tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.tenantId, fed.id))).map((r) => r.id);
      if (userIds.length) {
        await tx.delete(sessions).where(
          and(
            inArray(sessions.userId, userIds),
            sql`not exists (select 1 from membership m join federation f on f.id = m.tenant_id where m.user_id = ${sessions.userId} and f.status = 'active' and m.status = 'active')`,
            sql`not exists (select 1 from app_user u where u.id = ${sessions.userId} and u.platform_role = 'operator')`,
          ),
        );
      }
    });
    await recordPlatformAudit(tx, ctx.actor, ctx.now, { type: 'platform.federation_suspended', entityType: 'federation', entityId: fed.id, data: { slug: fed.slug, reason: input.reason } });
  });
}

export async function reactivateFederation(ctx: PlatformCtx, input: { slug: string }): Promise<void> {
  await withoutTenant(ctx.db, async (tx) => {
    const [fed] = await tx
      .update(federations)
      .set({ status: 'active', suspendedAt: null, suspendedReason: null })
      .where(and(eq(federations.slug, input.slug), eq(federations.status, 'suspended')))
      .returning();
    if (!fed) throw new AppError('NOT_FOUND');
    await asTenant(tx, fed.id, () => recordAudit(inFederation(ctx, tx, fed.id), { type: 'federation.reactivated', entityType: 'federation', entityId: fed.id, data: {} }));
    await recordPlatformAudit(tx, ctx.actor, ctx.now, { type: 'platform.federation_reactivated', entityType: 'federation', entityId: fed.id, data: { slug: fed.slug } });
  });
}
