import type { AttentionDto, DirectionDto, FigureDto } from '@uc/contracts';
import type { PartyRow } from '../agreement/index.ts';

// Small builders the providers share, so every section reads the same way.

export function figure(key: string, zh: string, en: string, value: number, unit?: { zh: string; en: string }): FigureDto {
  return { key, label: { zh, en }, value, unit: unit ?? null };
}

export const UNITS = {
  item: { zh: '项', en: '' },
  person: { zh: '人', en: '' },
  times: { zh: '人次', en: '' },
  session: { zh: '场', en: '' },
  case: { zh: '件', en: '' },
  place: { zh: '个', en: '' },
  yuan: { zh: '元', en: 'yuan' },
} as const;

/** a direction from one party to the other, labelled 甲 → 乙 */
export function direction(key: string, from: PartyRow, to: PartyRow, what: { zh: string; en: string }, allowed: number | null, used: number): DirectionDto {
  return { key: `${key}:${from.slug}>${to.slug}`, from: from.slug, to: to.slug, label: { zh: `${from.nameZh} → ${to.nameZh}：${what.zh}`, en: `${from.nameEn} → ${to.nameEn}: ${what.en}` }, allowed, used };
}

export function attention(key: string, title: string, zh: string, en: string, link: string | null): AttentionDto {
  return { key, title, detail: { zh, en }, link };
}

/** whether an ISO date or instant falls in the year (China time for instants is the caller's job) */
export const inYear = (date: string, year: number) => date.slice(0, 4) === String(year);
