import { DEFAULT_CONTEST_ASPECTS, markFromLevel, markFromMeasure } from '@uc/contracts';

export { markFromLevel, markFromMeasure };
import type { ContestAspect } from '@uc/db';
import { createHash } from 'node:crypto';

// Pure rules of a contest (DOMAIN §3.3): eligibility, the marking arithmetic, the tie-break
// chain, awards from rank, the draw by lot, certificate facts. Marks are integer hundredths of
// a point; results are derived from the raw marks every time (never stored totals).

/** the scheme a new event starts from: one list, shared with the web's event form */
export const DEFAULT_ASPECTS: ContestAspect[] = DEFAULT_CONTEST_ASPECTS;

// ---- what a judge's submission is worth -----------------------------------------------------

/**
 * The mark a submission earns under the aspect's rule: from the measured value (tolerance), from the
 * level chosen (levels), or as given. The field the rule needs must be there and within range.
 */
export function markOf(aspect: ContestAspect, input: { mark?: number; measured?: number; level?: number }): { mark: number; measured: number | null } | { refused: string } {
  if (aspect.tolerance) return input.measured === undefined ? { refused: 'measured' } : { mark: markFromMeasure(aspect.max, aspect.tolerance, input.measured), measured: input.measured };
  if (aspect.levels) {
    if (input.level === undefined || input.level >= aspect.levels.length) return { refused: 'level' };
    return { mark: markFromLevel(aspect.max, aspect.levels.length, input.level), measured: null };
  }
  if (input.mark === undefined || input.mark > aspect.max * 100) return { refused: 'mark' };
  return { mark: input.mark, measured: null };
}

/** A rule fits its aspect: a tolerance on a practical measurement (zero beyond full), levels on a practical judgement. */
export function ruleProblem(a: ContestAspect): string | null {
  if (a.tolerance && (a.type !== 'measurement' || a.part !== 'practical' || a.tolerance.zeroBeyond < a.tolerance.within)) return 'invalid_tolerance';
  if (a.levels && (a.type !== 'judgement' || a.part !== 'practical')) return 'invalid_levels';
  return null;
}

/**
 * What is wrong with a whole marking scheme, if anything (the message key for the `aspects` field):
 * aspects are told apart by key (marks name it), an event is won on its practical part, and each
 * aspect's rule fits it. The same check when an event is created and when its scheme is changed.
 */
export function schemeProblem(scheme: readonly ContestAspect[]): string | null {
  if (new Set(scheme.map((x) => x.key)).size !== scheme.length) return 'duplicate_aspect';
  if (!scheme.some((x) => x.part === 'practical')) return 'no_practical_aspect';
  return scheme.map(ruleProblem).find(Boolean) ?? null;
}

/** Whether the scheme a mark was checked against is still the event's (read again under the event's lock). */
export function sameScheme(a: { aspects: readonly ContestAspect[]; theoryWeight: number }, b: { aspects: readonly ContestAspect[]; theoryWeight: number }): boolean {
  return a.theoryWeight === b.theoryWeight && JSON.stringify(a.aspects) === JSON.stringify(b.aspects);
}

// ---- eligibility ----------------------------------------------------------------------------

export interface EligibilityRules {
  eventDate: string;
  minAge: number;
  maxAge: number;
  minYearsInTrade: number;
  requiredCertificates: string[];
}

/** Whole years of age on a calendar date (a birthday on the date counts). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type Ineligible = 'no_birth_date' | 'too_young' | 'too_old' | 'years_in_trade' | 'certificate';

/** Why an entrant may not enter (empty: eligible). */
export function eligibility(rules: EligibilityRules, p: { birthDate: string | null; yearsInTrade: number; certificates: string[] }): Ineligible[] {
  const out: Ineligible[] = [];
  if (!p.birthDate) out.push('no_birth_date');
  else {
    const age = ageOn(p.birthDate, rules.eventDate);
    if (age < rules.minAge) out.push('too_young');
    if (age > rules.maxAge) out.push('too_old');
  }
  if (p.yearsInTrade < rules.minYearsInTrade) out.push('years_in_trade');
  if (rules.requiredCertificates.some((c) => !p.certificates.includes(c))) out.push('certificate');
  return out;
}

// ---- quota ----------------------------------------------------------------------------------

/** An event's quota per city: as asked, or the clause's figure; never above the clause. */
export function quotaPerCity(asked: number | undefined, clause: number | null): { quota: number } | { refusal: 'no_clause_figure' | 'over_clause' } {
  if (clause === null) return { refusal: 'no_clause_figure' };
  if (asked === undefined) return { quota: clause };
  return asked > clause ? { refusal: 'over_clause' } : { quota: asked };
}

/**
 * Each entering city's quota for a new event: its own clause figure (entrants its members may take
 * per event), or the organiser's figure asked for every city — never above any city's own figure.
 */
export function cityQuotas(
  asked: number | undefined,
  clauses: { partyTenantId: string; clause: number | null }[],
): { shares: { partyTenantId: string; units: number }[] } | { refusal: 'no_clause_figure' | 'over_clause' } {
  const shares: { partyTenantId: string; units: number }[] = [];
  for (const c of clauses) {
    const q = quotaPerCity(asked, c.clause);
    if ('refusal' in q) return q;
    shares.push({ partyTenantId: c.partyTenantId, units: q.quota });
  }
  return { shares };
}

// ---- marking --------------------------------------------------------------------------------

/** The judges' marks of one aspect: with five or more judges the highest and lowest are dropped. */
export function trimmedMean(marks: number[]): number | null {
  if (!marks.length) return null;
  const sorted = [...marks].sort((a, b) => a - b);
  const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  return kept.reduce((s, x) => s + x, 0) / kept.length;
}

export interface Mark {
  entrantId: string;
  aspect: string;
  mark: number;
}

export interface EntrantScore {
  entrantId: string;
  number: number;
  /** percent of the part's full marks (0–100) */
  theory: number;
  practical: number;
  /** sum of the judgement aspects' points: the second tie-break */
  judgement: number;
  /** weighted: theory × w + practical × (100 − w), in points of 100 */
  total: number;
  /** every aspect has at least one mark */
  complete: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One entrant's scores from the raw marks (hundredths of a point). */
export function scoreEntrant(aspects: ContestAspect[], theoryWeight: number, entrant: { id: string; number: number }, marks: Mark[]): EntrantScore {
  const part = { theory: { got: 0, max: 0 }, practical: { got: 0, max: 0 } };
  let judgement = 0;
  let complete = true;
  for (const a of aspects) {
    const mean = trimmedMean(marks.filter((m) => m.entrantId === entrant.id && m.aspect === a.key).map((m) => m.mark));
    if (mean === null) complete = false;
    const points = Math.min(mean ?? 0, a.max * 100) / 100;
    part[a.part].got += points;
    part[a.part].max += a.max;
    if (a.type === 'judgement') judgement += points;
  }
  const pct = (p: { got: number; max: number }) => (p.max ? (p.got / p.max) * 100 : 0);
  const theory = pct(part.theory);
  const practical = pct(part.practical);
  const w = part.theory.max ? theoryWeight : 0;
  const total = (theory * w + practical * (100 - w)) / 100;
  return { entrantId: entrant.id, number: entrant.number, theory: round2(theory), practical: round2(practical), judgement: round2(judgement), total: round2(total), complete };
}

/** The published tie-break chain: total, then practical, then the judgement aspects, then the contestant number. */
export function compareScores(a: EntrantScore, b: EntrantScore): number {
  return b.total - a.total || b.practical - a.practical || b.judgement - a.judgement || a.number - b.number;
}

/** Ranks 1…n in the tie-break order (the number always separates). */
export function rank(scores: EntrantScore[]): (EntrantScore & { rank: number })[] {
  return [...scores].sort(compareScores).map((s, i) => ({ ...s, rank: i + 1 }));
}

// ---- awards ---------------------------------------------------------------------------------

export interface AwardRule {
  /** ranks up to and including this one */
  upTo: number;
  award: string;
  /** a title written to the member's honour record (e.g. 技术能手), with its validity in years */
  title?: { name: string; honourKind: string; years: number };
}

export const DEFAULT_AWARDS: AwardRule[] = [
  { upTo: 1, award: '一等奖', title: { name: '技术能手', honourKind: 'skilled_worker', years: 3 } },
  { upTo: 3, award: '二等奖' },
  { upTo: 6, award: '三等奖' },
];
export const MERIT_AWARD = '优秀奖';

/** The award of a rank: the first rule that covers it, else 优秀奖 for a complete entry. */
export function awardFor(r: number, complete: boolean, rules: AwardRule[] = DEFAULT_AWARDS): AwardRule | null {
  if (!complete) return null;
  return [...rules].sort((a, b) => a.upTo - b.upTo).find((x) => r <= x.upTo) ?? { upTo: Infinity, award: MERIT_AWARD };
}

// ---- the draw by lot --------------------------------------------------------------------------

export const DRAW_ALGORITHM = 'sha256(seed)→mulberry32; Fisher–Yates over registration ids sorted ascending; number = position + 1';

/** mulberry32, seeded with the first 4 bytes of SHA-256(seed): small, published, reproducible anywhere. */
export function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Contestant numbers by lot: the same seed and the same registrations give the same numbers. */
export function draw(seed: string, registrationIds: string[]): { registrationId: string; number: number }[] {
  const ids = [...registrationIds].sort();
  const rnd = prng(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.map((registrationId, i) => ({ registrationId, number: i + 1 }));
}

// ---- certificates -------------------------------------------------------------------------------

/** 张三丰 → 张*丰, 李四 → 李*, one character stays as it is. */
export function maskName(name: string): string {
  const c = [...name];
  if (c.length <= 1) return name;
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}

export interface CertificateFacts {
  number: string;
  maskedName: string;
  contestTitle: string;
  trade: string;
  award: string;
  title: string | null;
  issuedOn: string;
  issuers: string[];
}

/** SHA-256 over the facts in a fixed order: what the verification page recomputes. */
export function certificateHash(f: CertificateFacts): string {
  const canonical = JSON.stringify([f.number, f.maskedName, f.contestTitle, f.trade, f.award, f.title, f.issuedOn, f.issuers]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appeals are accepted until publication + appealHours. */
export const appealUntil = (publishedAt: Date, hours: number) => new Date(publishedAt.getTime() + hours * 3_600_000);
