import { figureOf, type AgreementContent, type CommonsFigures, type ProgrammeStatus } from '@uc/contracts';
import type { Role } from '@uc/contracts';

// Pure rules of joint programmes: the clause's seats (each city its own), the split of a session's seats per city,
// the event's lifecycle, credit hours and the attendance counts (场次, 人次, 人数).

export const WRITER_ROLES: Role[] = ['admin', 'officer', 'lead'];
/** who decides the registrations that need the home federation's approval (decision 0051) */
export const DECIDER_ROLES: Role[] = ['admin', 'officer'];

/** The programme section's figures of an agreement's content; null when the section is off. */
export function programmeFigures(content: Pick<AgreementContent, 'commons'> | null | undefined): CommonsFigures | null {
  return content?.commons.find((c) => c.kind === 'programme' && c.enabled)?.figures ?? null;
}

/**
 * Seats at each session the agreement's programme section gives a party's members (its own figure,
 * else the common one, else 0); null when the section is off.
 */
export function seatsPerCity(content: Pick<AgreementContent, 'commons'> | null | undefined, partySlug: string): number | null {
  const f = programmeFigures(content);
  if (!f) return null;
  const n = figureOf(f, 'seatsPerCity', partySlug);
  return typeof n === 'number' && n >= 0 ? n : 0;
}

/** A figure asked for every city (event or session) may not exceed any city's own clause figure (null: unknown, no limit). */
export const overClause = (asked: number | undefined, clauses: (number | null)[]) => asked !== undefined && clauses.some((c) => c !== null && asked > c);

/** A city's seats per session by default: the event's figure, never above the city's own clause figure. */
export const seatsOfCity = (eventSeats: number, clause: number | null) => (clause === null ? eventSeats : Math.min(eventSeats, clause));

/**
 * One share per party city: each gets its seats (one figure for all, or each party's own) when the
 * capacity holds them all, else each is cut down to an even part of the capacity; what is left over
 * stays on the pool (anyone, first come).
 */
export function splitSeats(capacity: number, perCity: number | Record<string, number>, parties: string[]): { partyTenantId: string; units: number }[] {
  const own = parties.map((partyTenantId) => ({ partyTenantId, units: typeof perCity === 'number' ? perCity : (perCity[partyTenantId] ?? 0) }));
  if (own.reduce((n, s) => n + s.units, 0) <= capacity) return own;
  const even = Math.floor(capacity / Math.max(parties.length, 1));
  return own.map((s) => ({ ...s, units: Math.min(s.units, even) }));
}

/** When the cities' unused seats go to anyone: releaseHours before the session starts. */
export const releaseAtOf = (startsAt: Date, releaseHours: number) => new Date(startsAt.getTime() - releaseHours * 3_600_000);

const NEXT: Record<ProgrammeStatus, ProgrammeStatus[]> = {
  draft: ['published'],
  published: ['open', 'draft'],
  open: ['closed'],
  closed: ['open', 'held'],
  held: ['archived'],
  archived: [],
};

export const canStep = (from: ProgrammeStatus, to: ProgrammeStatus) => NEXT[from].includes(to);

/** Registration is taken while the event is open and the session scheduled and not started. */
export const registrationOpen = (eventStatus: string, session: { status: string; startsAt: Date }, now: Date) =>
  eventStatus === 'open' && session.status === 'scheduled' && session.startsAt > now;

export const creditHours = (tenths: number) => Math.round(tenths) / 10;

export interface Attendance {
  sessionId: string;
  homeTenantId: string;
  memberId: string;
}

/** 场次 (sessions with an attendance), 人次 (each attendance), 人数 (distinct members), per city too. */
export function countAttendance(rows: Attendance[]) {
  const person = (a: Attendance) => `${a.homeTenantId}:${a.memberId}`;
  const perCity = new Map<string, { attendances: number; people: Set<string> }>();
  for (const a of rows) {
    const c = perCity.get(a.homeTenantId) ?? { attendances: 0, people: new Set<string>() };
    c.attendances++;
    c.people.add(person(a));
    perCity.set(a.homeTenantId, c);
  }
  return {
    sessionsHeld: new Set(rows.map((a) => a.sessionId)).size,
    attendances: rows.length,
    people: new Set(rows.map(person)).size,
    perCity: [...perCity].map(([tenantId, c]) => ({ tenantId, attendances: c.attendances, people: c.people.size })),
  };
}

/**
 * The seats a city can still take in a session, from the pool's figures: its own share until the
 * release; after it (or with no share) what the pool has free beyond the other cities' unused shares.
 */
export function seatsLeftFor(a: { free: number; released: boolean; shares: { partyTenantId: string; free: number }[] }, partyTenantId: string): number {
  const mine = a.shares.find((s) => s.partyTenantId === partyTenantId);
  if (!a.released && mine) return Math.max(mine.free, 0);
  const othersHeldBack = a.released ? 0 : a.shares.reduce((n, s) => n + Math.max(s.free, 0), 0);
  return Math.max(a.free - othersHeldBack, 0);
}

/** A class's certificate (decision 0057): the sessions to attend — the event's figure, never more than the class has — all by default. */
export const requiredSessions = (asked: number | null, sessions: number) => Math.min(asked ?? sessions, sessions);

/** Whether attending `attended` of a class's `sessions` (not cancelled) earns its certificate. */
export const completesClass = (attended: number, sessions: number, asked: number | null) => sessions > 0 && attended >= requiredSessions(asked, sessions);

/** A name as a certificate check shows it to someone who has it in hand: the family name, the rest masked. */
export const maskedName = (name: string) => (name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(Math.min(name.length - 1, 3))}`);
