import type { LiaisonLevel, LiaisonPairDto, LiaisonSideInput } from '@uc/contracts';
import { liaisonContacts, liaisonPairs } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { assertCanWrite, auditToParties, findAgreement, findParties, partyBySlug, type PartyRow } from '../agreement/index.ts';
import { getLiaisonPair } from './liaison.query.ts';
import { CONTACT_FIELDS, findContacts, findLiaisonPair, type LiaisonContactRow } from './liaison.repo.ts';
import { LIAISON_STATES, LIAISON_WRITERS } from './mechanism.access.ts';

type Contact = Pick<LiaisonContactRow, (typeof CONTACT_FIELDS)[number]>;
const BLANK: Contact = { unitName: '', contactName: '', title: '', phone: '', email: '' };
const contactOf = (s: LiaisonSideInput): Contact => ({ unitName: s.unitName, contactName: s.contactName, title: s.title, phone: s.phone, email: s.email });

/**
 * Checks the sides the caller sent against what is stored: each names a party once, and only the
 * caller's own side may differ (a form may send the other side back unchanged). Returns the
 * caller's side and the changed field names per party slug (for the audit log: names, not values).
 */
function checkSides(ctx: ServiceCtx, parties: PartyRow[], sides: LiaisonSideInput[], stored: LiaisonContactRow[]) {
  const seen = new Set<string>();
  let own: Contact | null = null;
  let ownIndex = 0;
  const changes: Record<string, string[]> = {};
  for (const [i, s] of sides.entries()) {
    const party = partyBySlug(parties, s.partySlug, `sides.${i}.partySlug`);
    if (seen.has(party.tenantId)) throw new AppError('BAD_INPUT', { fields: { [`sides.${i}.partySlug`]: 'invalid_value' } });
    seen.add(party.tenantId);
    if (party.tenantId === ctx.tenantId) ownIndex = i;
    const current = stored.find((c) => c.partyTenantId === party.tenantId) ?? BLANK;
    const changed = CONTACT_FIELDS.filter((f) => s[f] !== current[f]);
    if (!changed.length) continue;
    if (party.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN', { side: party.slug });
    own = contactOf(s);
    changes[party.slug] = changed;
  }
  return { own, ownIndex, changes };
}

/**
 * A pair is only useful with someone to call: the caller's side names its unit, a contact person, and a
 * phone or an email. Checked when the pair is created and whenever the caller changes their side.
 */
function requireContact(own: Contact | null, i: number) {
  const fields: Record<string, string> = {};
  if (!own?.unitName) fields[`sides.${i}.unitName`] = 'required';
  if (!own?.contactName) fields[`sides.${i}.contactName`] = 'required';
  if (!own?.phone && !own?.email) fields[`sides.${i}.phone`] = 'contact_required';
  if (Object.keys(fields).length) throw new AppError('BAD_INPUT', { fields });
}

export async function createLiaisonPair(ctx: ServiceCtx, input: { agreementId: string; level: LiaisonLevel; sides: LiaisonSideInput[] }): Promise<LiaisonPairDto> {
  const a = await findAgreement(ctx, input.agreementId);
  assertCanWrite(ctx, a, LIAISON_STATES, LIAISON_WRITERS);
  const parties = await findParties(ctx, a);
  const { own, ownIndex } = checkSides(ctx, parties, input.sides, []);
  requireContact(own, ownIndex);
  const [pair] = await ctx.db
    .insert(liaisonPairs)
    .values({ tenantId: a.tenantId, agreementId: a.id, level: input.level, createdByTenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  // every party gets its side now; the others fill theirs in later
  await ctx.db.insert(liaisonContacts).values(
    parties.map((p) => ({
      tenantId: a.tenantId,
      pairId: pair!.id,
      agreementId: a.id,
      partyTenantId: p.tenantId,
      ...(p.tenantId === ctx.tenantId && own ? own : BLANK),
      updatedAt: ctx.now,
    })),
  );
  await auditToParties(ctx, parties, { type: 'liaison.created', entityType: 'liaison_pair', entityId: pair!.id, data: { agreementId: a.id, level: input.level } });
  return getLiaisonPair(ctx, pair!.id);
}

/** Changes the level and/or the caller's own side; rowVersion guards against overwriting a concurrent edit. */
export async function updateLiaisonPair(
  ctx: ServiceCtx,
  input: { id: string; rowVersion: number; level?: LiaisonLevel | undefined; sides: LiaisonSideInput[] },
): Promise<LiaisonPairDto> {
  const pair = await findLiaisonPair(ctx, input.id, { forUpdate: true });
  const a = await findAgreement(ctx, pair.agreementId);
  assertCanWrite(ctx, a, LIAISON_STATES, LIAISON_WRITERS);
  if (pair.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  const parties = await findParties(ctx, a);
  const { own, ownIndex, changes } = checkSides(ctx, parties, input.sides, await findContacts(ctx, [pair]));
  if (own) requireContact(own, ownIndex);
  const levelChanged = input.level !== undefined && input.level !== pair.level;
  if (!own && !levelChanged) return getLiaisonPair(ctx, pair.id);

  if (own) {
    await ctx.db
      .update(liaisonContacts)
      .set({ ...own, updatedAt: ctx.now })
      .where(and(eq(liaisonContacts.tenantId, pair.tenantId), eq(liaisonContacts.pairId, pair.id), eq(liaisonContacts.partyTenantId, ctx.tenantId)));
  }
  const level = levelChanged ? input.level! : pair.level;
  await ctx.db
    .update(liaisonPairs)
    .set({ level, rowVersion: pair.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(liaisonPairs.tenantId, pair.tenantId), eq(liaisonPairs.id, pair.id)));
  await auditToParties(ctx, parties, {
    type: 'liaison.updated',
    entityType: 'liaison_pair',
    entityId: pair.id,
    data: { agreementId: a.id, level, ...(levelChanged ? { levelFrom: pair.level } : {}), changes },
  });
  return getLiaisonPair(ctx, pair.id);
}

export async function deleteLiaisonPair(ctx: ServiceCtx, input: { id: string; rowVersion: number }): Promise<{ id: string }> {
  const pair = await findLiaisonPair(ctx, input.id, { forUpdate: true });
  const a = await findAgreement(ctx, pair.agreementId);
  assertCanWrite(ctx, a, LIAISON_STATES, LIAISON_WRITERS);
  if (pair.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  const parties = await findParties(ctx, a);
  // the contacts go with it (ON DELETE CASCADE)
  await ctx.db.delete(liaisonPairs).where(and(eq(liaisonPairs.tenantId, pair.tenantId), eq(liaisonPairs.id, pair.id)));
  await auditToParties(ctx, parties, { type: 'liaison.deleted', entityType: 'liaison_pair', entityId: pair.id, data: { agreementId: a.id, level: pair.level } });
  return { id: pair.id };
}
