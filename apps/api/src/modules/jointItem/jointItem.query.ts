import type { JointItemDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { agreementOf, type AgreementRow, findParties, findVisibleAgreement, type PartyRow } from '../agreement/index.ts';
import { byPlanOrder, findItemsOfAgreement, findItemStats, findJointItem, findSides, statsOf, toJointItemDto } from './jointItem.repo.ts';

/** The agreement's work plan, in the order of the five commons. */
export async function listJointItems(ctx: ServiceCtx, agreementId: string): Promise<JointItemDto[]> {
  const a = await findVisibleAgreement(ctx, agreementId);
  return jointItemsOf(ctx, a, await findParties(ctx, a));
}

/** The work plan of an agreement the caller has already found, with its parties. */
export async function jointItemsOf(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[]): Promise<JointItemDto[]> {
  const items = (await findItemsOfAgreement(ctx, a)).sort(byPlanOrder);
  const [sides, stats] = [await findSides(ctx, items), await findItemStats(ctx, items)];
  return items.map((i) => toJointItemDto(i, sides, parties, statsOf(stats, i.id)));
}

export async function getJointItem(ctx: ServiceCtx, id: string): Promise<JointItemDto> {
  const item = await findJointItem(ctx, id);
  const a = await agreementOf(ctx, item);
  const parties = await findParties(ctx, a);
  return toJointItemDto(item, await findSides(ctx, [item]), parties, statsOf(await findItemStats(ctx, [item]), item.id));
}
