import { federations, orgUnits, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { acceptInvitation } from '../modules/auth/index.ts';
import { inviteStaff } from '../modules/staff/index.ts';
import { systemActor } from '../service.ts';
import { DEMO_PASSWORD } from './demoData.ts';

// An officer of one district (docs/decisions/0052-org-unit-scope.md): district@hangzhou.demo acts for
// 上城区总工会 and the units below it only — the member roster, recuperation requests, contest entries
// and programme nominations show that district's members alone. Made as an administrator would make
// one: a scoped invitation, accepted with the demo password.

export const SCOPED_OFFICER = { email: 'district@hangzhou.demo', name: '林晓雯', title: '上城区总工会 职工服务部干事', unitCode: 'HANGZHOU-01' } as const;

/** Adds the scoped officer once; false when they are already there. */
export async function seedDemoScopedOfficer(db: Db, env: Pick<Env, 'memberIdKey' | 'publicUrl'>, now = new Date()): Promise<boolean> {
  const [present] = await withoutTenant(db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, SCOPED_OFFICER.email)));
  if (present) return false;
  const [fed] = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, 'hangzhou')));
  if (!fed) return false;
  const { link } = await withTenant(db, fed.id, async (tx) => {
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, fed.id), eq(orgUnits.code, SCOPED_OFFICER.unitCode)));
    const ctx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
    return inviteStaff(ctx, { email: SCOPED_OFFICER.email, displayName: SCOPED_OFFICER.name, title: SCOPED_OFFICER.title, roles: ['officer'], orgUnitId: unit!.id });
  });
  await acceptInvitation({ db, now, ip: null, userAgent: 'demo seed' }, { token: link.split('/invite/')[1]!, password: DEMO_PASSWORD });
  return true;
}
