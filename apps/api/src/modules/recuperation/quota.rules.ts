import type { AgreementContent } from '@uc/contracts';

// The recuperation figure of an agreement. The ledger's arithmetic (granted, allocated, used,
// released) is the places engine's (place.rules.ts), as is its SQL.

/** Places per year the agreement's recuperation section grants each party's members; null when it grants none. */
export function placesPerYear(content: Pick<AgreementContent, 'commons'> | null | undefined): number | null {
  const section = content?.commons.find((c) => c.kind === 'recuperation' && c.enabled);
  const n = section?.figures.placesPerYear;
  return typeof n === 'number' && n > 0 ? n : null;
}
