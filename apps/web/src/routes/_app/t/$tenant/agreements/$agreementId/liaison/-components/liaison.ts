import type { AgreementStatus, LiaisonPairDto, Role } from '@uc/contracts';

export type LiaisonContact = LiaisonPairDto['contacts'][number];

/** Mirrors the API (mechanisms.access.ts): who may add, change and delete pairs, and while when. */
const WRITERS: readonly Role[] = ['admin', 'signatory', 'officer'];
const OPEN_STATES: readonly AgreementStatus[] = ['negotiating', 'active'];

export function canManageLiaison(roles: readonly Role[], status: AgreementStatus): boolean {
  return OPEN_STATES.includes(status) && roles.some((r) => WRITERS.includes(r));
}

/** The caller's own side of a pair: the only one they may fill in. */
export function ownContact(pair: LiaisonPairDto, slug: string): LiaisonContact | undefined {
  return pair.contacts.find((c) => c.partySlug === slug);
}

/** Nothing filled in yet (the other party has not got to it). */
export function isBlankContact(c: LiaisonContact): boolean {
  return !c.unitName && !c.contactName && !c.title && !c.phone && !c.email;
}

/**
 * The API names a field of the side it refused by its place in the request (sides.0.phone); the form
 * edits one side only, so the field is the last part. Other fields (level) keep their name.
 */
export function ownSideFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, msg]) => [path.replace(/^sides\.\d+\./, ''), msg]));
}
