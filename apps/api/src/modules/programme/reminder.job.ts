import { federations, programmeEvents, programmeRegistrations, programmeSessions, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { addDays, chinaDate, chinaDateTimeEn, chinaHour } from '../../lib/dates.ts';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findRegistration, findSession, findVenues } from './programme.repo.ts';

// The day-before reminder (pg-boss 'programme.reminders', hourly, in the day; DOMAIN §3.1): every member
// holding a registered seat on a scheduled session that starts tomorrow (calendar dates in China)
// is told in the app and by email, in their home federation like the registration's other
// notices (tellMember). Each host federation handles its own sessions, reading its registrations
// of both cities (row-level security lets the host see them); each registration is re-read under
// its row lock in a transaction of its own, so a cancellation that committed first wins.
// "Exactly once" is the notification centre's dedupe key — (member's login, registration,
// session start): a second run, or two runs at once (the second insert waits on the first's key
// and then does nothing), send nothing more, and a session moved to a new start is reminded again.

export interface ReminderResult {
  /** registrations whose member was told by this run */
  reminded: { registrationId: string; sessionId: string }[];
}

/** [start, end) of a China calendar date as instants */
const chinaDayBounds = (date: string) => {
  const start = new Date(`${date}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
};

/** Reminders go out in the day in China, 08:00–21:59: the hourly pass sends nothing at night (decision 0012). */
export const REMINDER_HOURS = { from: 8, until: 22 } as const;

export async function runProgrammeReminders(db: Db, now: Date, env: ServiceCtx['env']): Promise<ReminderResult> {
  const result: ReminderResult = { reminded: [] };
  const hour = chinaHour(now);
  if (hour < REMINDER_HOURS.from || hour >= REMINDER_HOURS.until) return result;
  const { start, end } = chinaDayBounds(addDays(chinaDate(now), 1));
  const failures: unknown[] = [];
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    // as the host: its scheduled sessions of tomorrow and the registered seats on them, of either city
    const due = await withTenant(db, fed.id, (tx) =>
      tx
        .select({ registrationId: programmeRegistrations.id, sessionId: programmeSessions.id })
        .from(programmeSessions)
        .innerJoin(
          programmeRegistrations,
          and(eq(programmeRegistrations.hostTenantId, programmeSessions.tenantId), eq(programmeRegistrations.poolId, programmeSessions.id)),
        )
        .innerJoin(programmeEvents, and(eq(programmeEvents.tenantId, programmeSessions.tenantId), eq(programmeEvents.id, programmeSessions.eventId)))
        .where(
          and(
            eq(programmeSessions.tenantId, fed.id),
            eq(programmeSessions.status, 'scheduled'),
            gte(programmeSessions.startsAt, start),
            lt(programmeSessions.startsAt, end),
            eq(programmeRegistrations.status, 'registered'),
          ),
        )
        .orderBy(asc(programmeSessions.startsAt), asc(programmeRegistrations.id)),
    );
    for (const d of due) {
      try {
        await withTenant(db, fed.id, async (tx) => {
          const ctx: ServiceCtx = { db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env };
          if (await remindOne(ctx, d.registrationId, start, end)) result.reminded.push(d);
        });
      } catch (e) {
        console.error(`[jobs] programme.reminders failed for registration ${d.registrationId}`, e);
        failures.push(e);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `programme.reminders: ${failures.length} registration(s) failed`);
  return result;
}

/** Reminds one registration's member if it still holds a seat on a scheduled session of that day; true when anyone was told. */
async function remindOne(ctx: ServiceCtx, registrationId: string, start: Date, end: Date): Promise<boolean> {
  // the session first, then the registration: the order the session's cancel and reschedule lock them in
  const r0 = await findRegistration(ctx, registrationId);
  if (!r0 || r0.hostTenantId !== ctx.tenantId) return false;
  const s = await findSession(ctx, r0.poolId, true);
  const r = await findRegistration(ctx, registrationId, true);
  if (!s || !r || r.status !== 'registered' || s.status !== 'scheduled' || s.startsAt < start || s.startsAt >= end) return false;
  const e = await findEvent(ctx, s.eventId);
  if (!e) return false;
  const venue = (await findVenues(ctx)).find((v) => v.tenantId === s.venueTenantId && v.id === s.venueId);
  const place = venue ? `${venue.name}（${venue.address}）` : (s.onlineUrl ?? '');
  const vars = {
    session: s.title ? `·${s.title}` : '',
    sessionEn: s.title ? ` (${s.title})` : '',
    dateEn: chinaDateTimeEn(s.startsAt),
    place,
  };
  return (await tellMember(ctx, r, 'programme.reminder', e, s, vars)) > 0;
}
