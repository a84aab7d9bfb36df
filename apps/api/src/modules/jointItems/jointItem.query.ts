import type { JointItemDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { findAgreement, findParties } from '../agreements/agreement.repo.ts';
import { byPlanOrder, findItemsOfAgreement, findJointItem, findSides, toJointItemDto } from './jointItem.repo.ts';

/** The agreement's work plan, in the order of the five commons. */
export async function listJointItems(ctx: ServiceCtx, agreementId: string): Promise<JointItemDto[]> {
  const a = await findAgreement(ctx, agreementId);
  const parties = await findParties(ctx, a);
  const items = (await findItemsOfAgreement(ctx, a)).sort(byPlanOrder);
  const sides = await findSides(ctx, items);
  return items.map((i) => toJointItemDto(i, sides, parties));
}

export async function getJointItem(ctx: ServiceCtx, id: string): Promise<JointItemDto> {
  const item = await findJointItem(ctx, id);
  const a = await findAgreement(ctx, item.agreementId);
  const parties = await findParties(ctx, a);
  return toJointItemDto(item, await findSides(ctx, [item]), parties);
}
