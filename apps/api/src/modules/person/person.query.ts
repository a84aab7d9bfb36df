import { SYSTEM_PERSON, type PersonRef } from '@uc/contracts';
import { federations, users, type Db } from '@uc/db';
import { inArray } from 'drizzle-orm';

/**
 * The one way the server names a person (issue 16): 姓名 + 职务 from the account, 单位 from the
 * federation the person acted for, in the reader's language. Never the login email. Rows keep the
 * user id (and a label snapshot for the audit hash); screens and PDFs resolve the id through here.
 */
export interface PeopleResolver {
  /** userId null (or unknown) → the system */
  person(userId: string | null | undefined, unitTenantId: string | null | undefined): PersonRef;
}

export async function loadPeople(
  ctx: { db: Db; locale?: string },
  userIds: readonly (string | null | undefined)[],
  tenantIds: readonly (string | null | undefined)[],
): Promise<PeopleResolver> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  const tids = [...new Set(tenantIds.filter((x): x is string => !!x))];
  const people = ids.length
    ? await ctx.db.select({ id: users.id, name: users.displayName, title: users.title }).from(users).where(inArray(users.id, ids))
    : [];
  const feds = tids.length
    ? await ctx.db.select({ id: federations.id, nameZh: federations.nameZh, nameEn: federations.nameEn }).from(federations).where(inArray(federations.id, tids))
    : [];
  const en = ctx.locale === 'en';
  const byId = new Map(people.map((p) => [p.id, p]));
  const unitOf = new Map(feds.map((f) => [f.id, en ? f.nameEn : f.nameZh]));
  return {
    person(userId, unitTenantId) {
      const p = userId ? byId.get(userId) : undefined;
      if (!p) return SYSTEM_PERSON;
      return { kind: 'person', name: p.name, title: p.title, unit: (unitTenantId && unitOf.get(unitTenantId)) || '' };
    },
  };
}
