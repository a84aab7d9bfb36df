import type { Locale } from '@uc/contracts';

interface Party {
  partySlug: string;
  partyNameZh: string;
  partyNameEn: string;
}

/** A party's name in the reader's language, from any list that carries the parties (an item's sides); the slug if absent. */
export function partyName(parties: readonly Party[], slug: string, locale: Locale): string {
  const p = parties.find((x) => x.partySlug === slug);
  if (!p) return slug;
  return locale === 'en' ? p.partyNameEn : p.partyNameZh;
}

/** Own side first, then the others in their order: the reader looks for their own side. */
export function ownSideFirst<T extends Party>(sides: readonly T[], mySlug: string): T[] {
  return [...sides].sort((a, b) => Number(b.partySlug === mySlug) - Number(a.partySlug === mySlug));
}
