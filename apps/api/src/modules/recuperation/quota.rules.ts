import { placesGrantedBy, type AgreementContent } from '@uc/contracts';

// The recuperation figure of an agreement. The ledger's arithmetic (granted, allocated, used,
// released) is the places engine's (place.rules.ts), as is its SQL.

/**
 * Places per year the agreement's recuperation section has `hostSlug` reserve for the other party's
 * members (the two directions may differ); null when it grants none.
 */
export function placesPerYear(content: Pick<AgreementContent, 'commons'> | null | undefined, hostSlug: string): number | null {
  const section = content?.commons.find((c) => c.kind === 'recuperation' && c.enabled);
  const n = section ? placesGrantedBy(section.figures, hostSlug) : undefined;
  return typeof n === 'number' && n > 0 ? n : null;
}
