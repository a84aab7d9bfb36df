import type { FederationDto, FederationHomeDto } from '@uc/contracts';
import { federations, members, memberships, orgUnits } from '@uc/db';
import { asc, count, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { listAuditEvents } from '../audit/index.ts';

const toDto = (f: typeof federations.$inferSelect): FederationDto => ({
  id: f.id,
  slug: f.slug,
  nameZh: f.nameZh,
  nameEn: f.nameEn,
  city: f.city,
  status: f.status === 'suspended' ? 'suspended' : 'active',
});

export async function getFederationHome(ctx: ServiceCtx): Promise<FederationHomeDto> {
  const [fed] = await ctx.db.select().from(federations).where(eq(federations.id, ctx.tenantId));
  const [[units], [memberCount], [staff], activity] = await Promise.all([
    ctx.db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId)),
    ctx.db.select({ n: count() }).from(members).where(eq(members.tenantId, ctx.tenantId)),
    ctx.db
      .select({ n: count() })
      .from(memberships)
      .where(sql`${memberships.tenantId} = ${ctx.tenantId} and not (${memberships.roles} @> array['member']::text[])`),
    ctx.actor.roles.includes('admin') ? listAuditEvents(ctx, { limit: 10 }) : Promise.resolve({ items: [] }),
  ]);
  return {
    federation: toDto(fed!),
    counts: { orgUnits: units!.n, members: memberCount!.n, staff: staff!.n },
    recentActivity: activity.items,
  };
}

/** The platform's directory of federations (to choose agreement partners). */
export async function listFederations(ctx: Pick<ServiceCtx, 'db'>): Promise<FederationDto[]> {
  return (await ctx.db.select().from(federations).orderBy(asc(federations.slug))).map(toDto);
}
