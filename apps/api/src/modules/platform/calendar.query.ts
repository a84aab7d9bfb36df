import type { NationalYearDto } from '@uc/contracts';
import { withoutTenant } from '@uc/db';
import { chinaDate } from '../../lib/dates.ts';
import { findNationalDays, yearKnown } from '../rights/index.ts';
import type { PlatformCtx } from './platform.types.ts';

// The national calendar as the platform holds it (docs/decisions/0050-national-calendar.md): for
// last year, this year, next year and any year with entries, where its arrangement comes from —
// the calendar package's release, the operator's entries of the State Council's notice, or nowhere
// yet (then the clocks would count that year's holidays as working days).

export async function nationalCalendarYears(ctx: PlatformCtx): Promise<NationalYearDto[]> {
  const rows = await withoutTenant(ctx.db, (tx) => findNationalDays(tx));
  const thisYear = Number(chinaDate(ctx.now).slice(0, 4));
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, ...rows.map((r) => Number(r.day.slice(0, 4)))]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const days = rows.filter((r) => r.day.startsWith(`${year}-`));
      return { year, source: days.length ? 'entered' : yearKnown(year) ? 'package' : 'unknown', days };
    });
}
