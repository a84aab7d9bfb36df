import type { PlatformFederationDto } from '@uc/contracts';
import { federations, withoutTenant } from '@uc/db';
import { asc, sql } from 'drizzle-orm';
import type { PlatformCtx } from './platform.types.ts';

/** Every federation with its status, contact and how far its onboarding went (staff, invitations pending). */
export async function listPlatformFederations(ctx: PlatformCtx): Promise<PlatformFederationDto[]> {
  const rows = await withoutTenant(ctx.db, (tx) => tx.select().from(federations).orderBy(asc(federations.createdAt), asc(federations.slug)));
  const counts = new Map<string, { staff: number; pending: number }>();
  // the counts read each federation's own rows (row-level security): one short query per federation
  for (const f of rows) {
    const [c] = await withoutTenant(ctx.db, async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${f.id}, true)`);
      const r = await tx.execute(sql`
        select (select count(*)::int from membership where tenant_id = ${f.id} and not (roles @> array['member']::text[])) as staff,
               (select count(*)::int from invitation where tenant_id = ${f.id} and accepted_at is null and revoked_at is null and expires_at > ${ctx.now.toISOString()}::timestamptz) as pending`);
      return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { staff: number; pending: number }[];
    });
    counts.set(f.id, { staff: Number(c?.staff ?? 0), pending: Number(c?.pending ?? 0) });
  }
  return rows.map((f) => ({
    id: f.id,
    slug: f.slug,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    city: f.city,
    status: f.status === 'suspended' ? 'suspended' : 'active',
    regionCode: f.regionCode,
    contactName: f.contactName,
    contactEmail: f.contactEmail,
    contactPhone: f.contactPhone,
    createdAt: f.createdAt.toISOString(),
    suspendedAt: f.suspendedAt?.toISOString() ?? null,
    suspendedReason: f.suspendedReason,
    staff: counts.get(f.id)!.staff,
    pendingInvitations: counts.get(f.id)!.pending,
  }));
}
