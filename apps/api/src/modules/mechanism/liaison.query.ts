import type { LiaisonPairDto } from '@uc/contracts';
import { liaisonPairs } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { canWrite, findAgreement, findParties } from '../agreement/index.ts';
import { LIAISON_STATES, LIAISON_WRITERS } from './mechanism.access.ts';
import { byLevel, findContacts, findLiaisonPair, toLiaisonPairDto } from './liaison.repo.ts';

/** The agreement's liaison pairs with every party's contact. */
export async function listLiaisonPairs(ctx: ServiceCtx, agreementId: string): Promise<LiaisonPairDto[]> {
  const a = await findAgreement(ctx, agreementId);
  const parties = await findParties(ctx, a);
  const pairs = (await ctx.db.select().from(liaisonPairs).where(and(eq(liaisonPairs.tenantId, a.tenantId), eq(liaisonPairs.agreementId, a.id)))).sort(byLevel);
  const contacts = await findContacts(ctx, pairs);
  const writable = canWrite(ctx, a, LIAISON_STATES, LIAISON_WRITERS);
  return pairs.map((p) => toLiaisonPairDto(ctx, p, contacts, parties, writable));
}

export async function getLiaisonPair(ctx: ServiceCtx, id: string): Promise<LiaisonPairDto> {
  const pair = await findLiaisonPair(ctx, id);
  const a = await findAgreement(ctx, pair.agreementId);
  const parties = await findParties(ctx, a);
  return toLiaisonPairDto(ctx, pair, await findContacts(ctx, [pair]), parties, canWrite(ctx, a, LIAISON_STATES, LIAISON_WRITERS));
}
