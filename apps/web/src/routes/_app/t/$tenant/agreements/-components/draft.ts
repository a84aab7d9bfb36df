import { JOINT_KINDS, PER_PARTY_FIGURES, type AgreementContent, type Clause, type CommonsSection, type JointKind, type PartyFigure, type PlannedItem } from '@uc/contracts';
import { htmlToMarkup, markupToHtml } from './richText.ts';

/**
 * The editor's form values for one version, and back. Rich text is edited as markup; a text the
 * user did not touch is sent back as the stored HTML byte for byte, so the comparison of the new
 * version shows only what was really changed.
 */
export interface ItemDraft {
  title: string;
  description: string;
  leadSlug: string;
  startDate?: string | undefined;
  endDate?: string | undefined;
}
export interface CommonsDraft {
  kind: JointKind;
  enabled: boolean;
  summary: string;
  placesPerYear?: number | null | undefined;
  entrantsPerCity?: number | null | undefined;
  seatsPerCity?: number | null | undefined;
  /**
   * the kind's figure per party where the directions differ (empty: the single figure): places a
   * party grants (recuperation), entrants or seats a party's members take (contests, programmes)
   */
  byParty?: Record<string, number | null | undefined> | undefined;
  items: ItemDraft[];
}
export interface DraftValues {
  title: string;
  preamble: string;
  termStart: string;
  termEnd: string;
  clauses: { key: string; heading: string; body: string }[];
  commons: CommonsDraft[];
  note: string;
}

/** The figure each kind of joint item sets (DOMAIN §3). */
export const FIGURE_OF: Partial<Record<JointKind, PartyFigure>> = {
  programme: 'seatsPerCity',
  contest: 'entrantsPerCity',
  recuperation: 'placesPerYear',
};

/** The section's per-party figures of its kind's figure, as the form edits them. */
function byPartyOf(kind: JointKind, s: CommonsSection | undefined): Record<string, number> {
  const f = FIGURE_OF[kind];
  return f ? { ...(s?.figures[PER_PARTY_FIGURES[f].byParty] ?? {}) } : {};
}

/** The i18n stem of each figure given per party: label, hint and value (`{party}`, `{value}`). */
export const BY_PARTY_LABEL = {
  placesPerYear: 'agreements.figure.placesByHost',
  entrantsPerCity: 'agreements.figure.entrantsByParty',
  seatsPerCity: 'agreements.figure.seatsByParty',
} as const satisfies Record<PartyFigure, string>;

export function toDraft(content: AgreementContent): DraftValues {
  return {
    title: content.title,
    preamble: htmlToMarkup(content.preamble),
    termStart: content.termStart,
    termEnd: content.termEnd,
    clauses: content.clauses.map((c) => ({ key: c.key, heading: c.heading, body: htmlToMarkup(c.body) })),
    // every kind appears in the form, switched off when the version does not cover it
    commons: JOINT_KINDS.map((kind) => {
      const s = content.commons.find((c) => c.kind === kind);
      return {
        kind,
        enabled: s?.enabled ?? false,
        summary: s?.summary ?? '',
        placesPerYear: s?.figures.placesPerYear ?? null,
        entrantsPerCity: s?.figures.entrantsPerCity ?? null,
        seatsPerCity: s?.figures.seatsPerCity ?? null,
        byParty: byPartyOf(kind, s),
        items: (s?.items ?? []).map((i) => ({ title: i.title, description: i.description, leadSlug: i.leadSlug, startDate: i.startDate, endDate: i.endDate })),
      };
    }),
    note: '',
  };
}

const richText = (markup: string, originalHtml: string | undefined) =>
  originalHtml !== undefined && htmlToMarkup(originalHtml) === markup ? originalHtml : markupToHtml(markup);

function toSection(d: CommonsDraft): CommonsSection {
  const figures: CommonsSection['figures'] = {};
  for (const f of ['placesPerYear', 'entrantsPerCity', 'seatsPerCity'] as const) {
    const v = d[f];
    if (typeof v === 'number') figures[f] = v;
  }
  const f = FIGURE_OF[d.kind];
  const byParty = Object.entries(d.byParty ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number');
  if (f && byParty.length) figures[PER_PARTY_FIGURES[f].byParty] = Object.fromEntries(byParty);
  return {
    kind: d.kind,
    enabled: d.enabled,
    summary: d.summary.trim(),
    figures,
    items: d.items.map((i) => {
      const item: PlannedItem = { title: i.title.trim(), description: (i.description ?? '').trim(), leadSlug: i.leadSlug };
      if (i.startDate) item.startDate = i.startDate;
      if (i.endDate) item.endDate = i.endDate;
      return item;
    }),
  };
}

/** The content to save, from the form values and the version they started from. */
export function toContent(values: DraftValues, origin: AgreementContent): AgreementContent {
  const originalBody = new Map(origin.clauses.map((c) => [c.key, c.body]));
  return {
    title: values.title.trim(),
    preamble: richText(values.preamble ?? '', origin.preamble),
    termStart: values.termStart,
    termEnd: values.termEnd,
    clauses: values.clauses.map((c) => ({ key: c.key, heading: c.heading.trim(), body: richText(c.body ?? '', originalBody.get(c.key)) })),
    // a kind the version did not cover stays out unless the user switched it on
    commons: values.commons.filter((d) => d.enabled || origin.commons.some((c) => c.kind === d.kind)).map(toSection),
  };
}

/** A key for a new clause, unique in the agreement (clause-1, clause-2, …). */
export function newClauseKey(existing: readonly string[]): string {
  let n = existing.length + 1;
  while (existing.includes(`clause-${n}`)) n++;
  return `clause-${n}`;
}

/** JSON with sorted keys, so two equal objects built in different orders compare equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/**
 * Someone saved a newer version while the user was editing (STALE_VERSION). Keeps what the user
 * changed since their base and takes everything else from the latest version, clause by clause.
 * Where both changed the same clause, the user's text wins: they review it before saving again.
 */
export function rebase(base: AgreementContent, mine: AgreementContent, latest: AgreementContent): AgreementContent {
  const pick = <K extends 'title' | 'preamble' | 'termStart' | 'termEnd'>(k: K) => (mine[k] !== base[k] ? mine[k] : latest[k]);
  const inBase = new Map(base.clauses.map((c) => [c.key, c]));
  const inMine = new Map(mine.clauses.map((c) => [c.key, c]));
  const inLatest = new Map(latest.clauses.map((c) => [c.key, c]));
  const changedByMe = (c: Clause) => !same(c, inBase.get(c.key));
  const changedInLatest = (c: Clause) => !same(c, inBase.get(c.key));

  const clauses: Clause[] = [];
  for (const theirs of latest.clauses) {
    const my = inMine.get(theirs.key);
    if (my) clauses.push(changedByMe(my) ? my : theirs);
    // I deleted it: gone, unless they changed it meanwhile
    else if (!inBase.has(theirs.key) || changedInLatest(theirs)) clauses.push(theirs);
  }
  mine.clauses.forEach((my, i) => {
    if (inLatest.has(my.key)) return;
    // new on my side, or deleted on theirs after I changed it
    if (inBase.has(my.key) && !changedByMe(my)) return;
    const before = mine.clauses.slice(0, i).reverse().find((c) => clauses.some((x) => x.key === c.key));
    const at = before ? clauses.findIndex((x) => x.key === before.key) + 1 : 0;
    clauses.splice(at, 0, my);
  });

  const commons = JOINT_KINDS.flatMap((kind) => {
    const [b, m, l] = [base, mine, latest].map((v) => v.commons.find((c) => c.kind === kind));
    const chosen = same(m, b) ? l : m;
    return chosen ? [chosen] : [];
  });
  return { title: pick('title'), preamble: pick('preamble'), termStart: pick('termStart'), termEnd: pick('termEnd'), clauses, commons };
}

/**
 * Where a field the API refused sits in the form: content.clauses.1.heading → clauses.1.heading;
 * commons are indexed by kind in the form (all five) but by position in the saved content.
 */
export function formPathOf(apiPath: string, sent: { commons: { kind: JointKind }[] }): string | null {
  const path = apiPath.replace(/^content\./, '');
  const commons = /^commons\.(\d+)(\..*)?$/.exec(path);
  if (!commons) return path;
  const kind = sent.commons[Number(commons[1])]?.kind;
  return kind ? `commons.${JOINT_KINDS.indexOf(kind)}${commons[2] ?? ''}` : 'commons';
}
