import { figureOf, hasPartyFigures, PER_PARTY_FIGURES, type CommonsSection } from '@uc/contracts';
import type { TFunction } from '@/lib/locale.ts';
import { BY_PARTY_LABEL, FIGURE_OF } from '@/routes/_app/t/$tenant/agreements/-components/draft.ts';

/** One of the five commons as lines of text, so two versions of it can be compared character by character. */
export function sectionText(t: TFunction, s: CommonsSection, partyName: (slug: string) => string): string {
  const f = FIGURE_OF[s.kind];
  const common = f && s.figures[f] !== undefined ? t(`agreements.figure.${f}.value`, { value: s.figures[f]! }) : null;
  // a figure per direction is part of the clause too: each party listed, so a change of one shows
  const byParty = f ? Object.entries(s.figures[PER_PARTY_FIGURES[f].byParty] ?? {}).map(([slug, value]) => t(`${BY_PARTY_LABEL[f]}.value`, { party: partyName(slug), value })) : [];
  const figure = [common, ...byParty].filter(Boolean).join('；') || null;
  return [
    s.enabled ? null : t('agreements.commons.disabled'),
    s.summary,
    figure,
    ...s.items.map((i) =>
      [`· ${i.title}`, t('agreements.item.leadBy', { party: partyName(i.leadSlug) }), [i.startDate, i.endDate].filter(Boolean).join(' – '), i.description].filter(Boolean).join(' '),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The figure a section sets, as the agreement view shows it: once, or per party (both numbers) where the directions differ. */
export function figureText(t: TFunction, s: CommonsSection, parties?: { slugs: string[]; name(slug: string): string }): string | null {
  const f = FIGURE_OF[s.kind];
  if (!f) return null;
  if (hasPartyFigures(s.figures, f) && parties) {
    // each direction its own figure: name each party (the common figure for any not listed)
    return parties.slugs
      .map((slug) => ({ slug, value: figureOf(s.figures, f, slug) }))
      .filter((x) => x.value !== undefined)
      .map((x) => t(`${BY_PARTY_LABEL[f]}.value`, { party: parties.name(x.slug), value: x.value! }))
      .join('；');
  }
  const value = s.figures[f];
  return value !== undefined ? t(`agreements.figure.${f}.value`, { value }) : null;
}
