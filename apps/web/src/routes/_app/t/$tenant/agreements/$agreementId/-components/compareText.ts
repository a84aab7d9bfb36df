import type { CommonsSection } from '@uc/contracts';
import type { TFunction } from '@/lib/locale.ts';
import { FIGURE_OF } from '@/routes/_app/t/$tenant/agreements/-components/draft.ts';

/** One of the five commons as lines of text, so two versions of it can be compared character by character. */
export function sectionText(t: TFunction, s: CommonsSection, partyName: (slug: string) => string): string {
  const f = FIGURE_OF[s.kind];
  const figure = f && s.figures[f] !== undefined ? t(`agreements.figure.${f}.value`, { value: s.figures[f]! }) : null;
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
