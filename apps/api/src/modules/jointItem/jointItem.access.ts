import type { AgreementStatus, Role } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { agreementOf, type AgreementRow, assertCanWrite, findParties, type PartyRow } from '../agreement/index.ts';
import { findJointItem, type JointItemRow } from './jointItem.repo.ts';

// Who may write what on a joint item (DOMAIN §3, issue 4 "Visibility"):
// - only parties see anything (row-level security; everyone else gets NOT_FOUND);
// - writes are by a party's leads (项目负责人) or admins, while the agreement is in force;
// - the lead federation alone changes the item's core fields, its status and its milestones;
// - each side changes only its own side (responsible person, milestone owner, confirmation).

export const ITEM_WRITERS: Role[] = ['admin', 'lead'];
export const ITEM_STATES: AgreementStatus[] = ['active'];

export interface ItemScope {
  item: JointItemRow;
  agreement: AgreementRow;
  parties: PartyRow[];
}

/** The item (locked when asked), its agreement and parties, with the write checked: NOT_FOUND, then FORBIDDEN, then INVALID_TRANSITION. */
export async function itemForWrite(ctx: ServiceCtx, itemId: string, opts: { forUpdate?: boolean } = {}): Promise<ItemScope> {
  const item = await findJointItem(ctx, itemId, opts);
  const agreement = await agreementOf(ctx, item);
  assertCanWrite(ctx, agreement, ITEM_STATES, ITEM_WRITERS);
  return { item, agreement, parties: await findParties(ctx, agreement) };
}

/** Core fields, status and milestones belong to the lead federation. */
export function assertLeadFederation(ctx: ServiceCtx, item: JointItemRow): void {
  if (item.leadTenantId !== ctx.tenantId) throw new AppError('FORBIDDEN', { reason: 'lead_federation_only' });
}

/** A side's own fields: the caller's federation only. */
export function assertOwnSide(ctx: ServiceCtx, parties: PartyRow[], partySlug: string): PartyRow {
  const party = parties.find((p) => p.slug === partySlug);
  if (!party) throw new AppError('BAD_INPUT', { fields: { partySlug: 'invalid_value' } });
  if (party.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN', { reason: 'own_side_only', side: party.slug });
  return party;
}

export function assertRowVersion(stored: number, sent: number): void {
  if (stored !== sent) throw new AppError('STALE_VERSION', { current: stored });
}

export function canWriteItems(ctx: ServiceCtx, a: AgreementRow): boolean {
  return ITEM_STATES.includes(a.status as AgreementStatus) && hasRole(ctx.actor, ...ITEM_WRITERS);
}
