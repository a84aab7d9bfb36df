import { z } from 'zod';
import { dateString, trimmed } from './common.ts';

// The national working-day calendar (docs/decisions/0050-national-calendar.md): the calendar
// package knows the years of its release; for a later year the platform operator enters the State
// Council's notice — each holiday (休) and each make-up working day (班) — and those days override.

export const nationalDayInput = z.object({ day: dateString, work: z.boolean(), name: trimmed(1, 40) });
export const nationalYearInput = z.object({ year: z.number().int().min(2020).max(2100), days: z.array(nationalDayInput).max(120) });

export const nationalYearDto = z.object({
  year: z.number(),
  /** where that year's arrangement comes from: the package, the operator's entries, or nowhere yet */
  source: z.enum(['package', 'entered', 'unknown']),
  days: z.array(z.object({ day: z.string(), work: z.boolean(), name: z.string() })),
});
export type NationalYearDto = z.infer<typeof nationalYearDto>;
