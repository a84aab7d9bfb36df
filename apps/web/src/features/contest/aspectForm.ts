import type { ContestAspectDto } from '@uc/contracts';

/** An aspect as the form holds it: the level descriptors as lines of text, the tolerance's figures possibly empty. */
export type AspectValues = Omit<ContestAspectDto, 'tolerance' | 'levels'> & {
  tolerance?: { target?: number | null; within?: number | null; zeroBeyond?: number | null; unit?: string };
  levelsText?: string;
};

/** The form's aspect as the API takes it: a tolerance when its target is given, levels when two or more lines are. */
export function toAspect(a: AspectValues): ContestAspectDto {
  const practical = a.part === 'practical';
  const t = a.tolerance;
  const levels = (a.levelsText ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    key: a.key,
    label: a.label.trim(),
    part: a.part,
    type: a.type,
    max: a.max,
    ...(practical && a.type === 'measurement' && typeof t?.target === 'number' ? { tolerance: { target: t.target, within: t.within ?? 0, zeroBeyond: t.zeroBeyond ?? t.within ?? 0, unit: (t.unit ?? '').trim() } } : {}),
    ...(practical && a.type === 'judgement' && levels.length >= 2 ? { levels } : {}),
  };
}

/** An event's aspect as the form holds it (the inverse of toAspect): levels as lines of text. */
export function fromAspect(a: ContestAspectDto): AspectValues {
  const { levels, tolerance, ...rest } = a;
  return { ...rest, ...(tolerance ? { tolerance } : {}), ...(levels ? { levelsText: levels.join('\n') } : {}) };
}
