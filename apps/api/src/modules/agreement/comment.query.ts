import { agreementComments, agreementVersions, federations } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceCtx } from '../../service.ts';
import { loadPeople } from '../person/index.ts';
import { findAgreement } from './agreement.repo.ts';

const author = alias(federations, 'author_federation');
const addressee = alias(federations, 'addressee_federation');

export async function listComments(ctx: ServiceCtx, id: string) {
  const a = await findAgreement(ctx, id);
  const rows = await ctx.db
    .select({ c: agreementComments, versionNumber: agreementVersions.number, authorSlug: author.slug, addressedToSlug: addressee.slug })
    .from(agreementComments)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreementComments.tenantId), eq(agreementVersions.id, agreementComments.versionId)))
    .innerJoin(author, eq(author.id, agreementComments.authorTenantId))
    .leftJoin(addressee, eq(addressee.id, agreementComments.addressedToTenantId))
    .where(and(eq(agreementComments.tenantId, a.tenantId), eq(agreementComments.agreementId, a.id)))
    .orderBy(asc(agreementComments.createdAt));
  const resolvers = rows.filter((r) => r.c.resolvedByTenantId);
  const people = await loadPeople(
    ctx,
    [...rows.map((r) => r.c.authorUserId), ...resolvers.map((r) => r.c.resolvedByUserId)],
    [...rows.map((r) => r.c.authorTenantId), ...resolvers.map((r) => r.c.resolvedByTenantId!)],
  );
  return rows.map((r) => ({
    id: r.c.id,
    versionId: r.c.versionId,
    versionNumber: r.versionNumber,
    clauseKey: r.c.clauseKey,
    authorSlug: r.authorSlug,
    author: people.person(r.c.authorUserId, r.c.authorTenantId),
    addressedToSlug: r.addressedToSlug,
    body: r.c.body,
    createdAt: r.c.createdAt.toISOString(),
    parentId: r.c.parentId,
    resolvedAt: r.c.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.c.resolvedByTenantId ? people.person(r.c.resolvedByUserId, r.c.resolvedByTenantId) : null,
  }));
}
