import type { nationalYearInput } from '@uc/contracts';
import { nationalCalendarDays, withoutTenant } from '@uc/db';
import { and, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { recordPlatformAudit } from './platformAudit.write.ts';
import type { PlatformCtx } from './platform.types.ts';

// The operator enters a year's national arrangement from the State Council's notice: the whole
// year at once (replacing what was entered for it), each holiday (休) and make-up working day (班).
// A make-up day falls on a weekend by definition, so one on a weekday is a typing slip.

export async function setNationalYear(ctx: PlatformCtx, input: z.infer<typeof nationalYearInput>) {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay();
    if (!d.day.startsWith(`${input.year}-`)) fields[`days.${i}.day`] = 'calendar_wrong_year';
    else if (seen.has(d.day)) fields[`days.${i}.day`] = 'calendar_duplicate';
    else if (d.work && weekday !== 0 && weekday !== 6) fields[`days.${i}.day`] = 'calendar_makeup_weekday';
    seen.add(d.day);
  });
  if (Object.keys(fields).length) throw new AppError('BAD_INPUT', { fields });
  await withoutTenant(ctx.db, async (tx) => {
    await tx.delete(nationalCalendarDays).where(and(gte(nationalCalendarDays.day, `${input.year}-01-01`), lte(nationalCalendarDays.day, `${input.year}-12-31`)));
    if (input.days.length) await tx.insert(nationalCalendarDays).values(input.days.map((d) => ({ ...d, createdBy: ctx.actor.userId })));
    const holidays = input.days.filter((d) => !d.work).length;
    await recordPlatformAudit(tx, ctx.actor, ctx.now, {
      type: 'platform.calendar_set',
      entityType: 'calendar',
      entityId: String(input.year),
      data: { year: input.year, holidays, workdays: input.days.length - holidays },
    });
  });
  return { year: input.year };
}
