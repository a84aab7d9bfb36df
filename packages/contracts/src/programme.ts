import { z } from 'zod';
import { fileUploadFields, storedFileType } from './files.ts';
import { APPLICATION_STATUSES, dateString, rowVersion, safeText, trimmed, uuid, xlsxUploadInput } from './common.ts';

// Joint programmes (思想共同引领, DOMAIN §3.1): venues (阵地), events under an agreement with
// sessions whose seats are split per city, registrations with a check-in ticket, attendance and
// each member's learning record. Instants are UTC ISO strings, shown in Asia/Shanghai.

export const VENUE_KINDS = ['home', 'palace', 'studio', 'online', 'other'] as const;
export const PROGRAMME_KINDS = ['lecture', 'study', 'training', 'visit', 'online'] as const;
export const PROGRAMME_STATUSES = ['draft', 'published', 'open', 'closed', 'held', 'archived'] as const;
export const REGISTRATION_STATUSES = ['waitlisted', 'offered', 'registered', 'cancelled'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

const instantInput = z.iso.datetime({ offset: true });

export const venueInput = z.object({
  name: trimmed(1, 80),
  kind: z.enum(VENUE_KINDS),
  city: safeText(40).default(''),
  address: safeText(200).default(''),
  capacity: z.number().int().min(0).max(100_000).default(0),
  facilities: z.array(trimmed(1, 40)).max(30).default([]),
});
export const venueUpdateInput = venueInput.extend({ id: uuid, rowVersion });
export const venueDto = z.object({
  id: z.string(),
  tenantId: z.string(),
  federation: z.string(),
  own: z.boolean(),
  name: z.string(),
  kind: z.enum(VENUE_KINDS),
  city: z.string(),
  address: z.string(),
  capacity: z.number(),
  facilities: z.array(z.string()),
  rowVersion: z.number(),
});
export type VenueDto = z.infer<typeof venueDto>;

const speaker = z.object({ name: trimmed(1, 40), title: safeText(80).default('') });

export const eventInput = z.object({
  agreementId: uuid,
  kind: z.enum(PROGRAMME_KINDS),
  title: trimmed(1, 120),
  topic: trimmed(1, 120),
  speakers: z.array(speaker).max(20).default([]),
  description: safeText(4000).default(''),
  /** default: each city's own clause figure (seatsPerCity, or its entry in seatsPerCityByParty); given: both cities', never above either's figure */
  seatsPerCity: z.number().int().min(0).max(100_000).optional(),
  releaseHours: z.number().int().min(0).max(720).default(48),
  /** members' own registrations need their home federation's approval (基层/市总审核; staff nominations do not) */
  homeApproval: z.boolean().default(false),
  /** a class (培训班): sessions a member must have attended for the completion certificate (结业证书); null or absent = all of its sessions */
  certificateSessions: z.number().int().min(1).max(100).nullable().optional(),
});
export const eventUpdateInput = eventInput.omit({ agreementId: true }).extend({ id: uuid, rowVersion });
export const eventStepInput = z.object({ id: uuid, to: z.enum(PROGRAMME_STATUSES), rowVersion });

export const sessionInput = z
  .object({
    eventId: uuid,
    title: safeText(120).default(''),
    startsAt: instantInput,
    endsAt: instantInput,
    venueId: uuid.nullable().default(null),
    onlineUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().default(null),
    capacity: z.number().int().min(1).max(100_000),
    /** for every city, never above a city's clause figure (default: each city's own seats — the event's within its clause figure — within the capacity) */
    seatsPerCity: z.number().int().min(0).max(100_000).optional(),
    creditHours: z.number().min(0).max(100).multipleOf(0.1).default(0),
  })
  .refine((s) => Date.parse(s.startsAt) < Date.parse(s.endsAt), { error: 'time_order', path: ['endsAt'] })
  .refine((s) => s.venueId !== null || s.onlineUrl !== null, { error: 'place_required', path: ['venueId'] });
export const rescheduleInput = z.object({ id: uuid, startsAt: instantInput, endsAt: instantInput, rowVersion }).refine((s) => Date.parse(s.startsAt) < Date.parse(s.endsAt), { error: 'time_order', path: ['endsAt'] });
export const sessionCancelInput = z.object({ id: uuid, reason: safeText(500).default('') });

export const shareDto = z.object({ tenantId: z.string(), federation: z.string(), units: z.number(), taken: z.number(), free: z.number() });
export const programmeSessionDto = z.object({
  id: z.string(),
  eventId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.object({ id: z.string(), name: z.string(), address: z.string(), federation: z.string() }).nullable(),
  onlineUrl: z.string().nullable(),
  creditHours: z.number(),
  status: z.enum(['scheduled', 'cancelled']),
  rescheduled: z.boolean(),
  capacity: z.number(),
  free: z.number(),
  released: z.boolean(),
  releaseAt: z.string().nullable(),
  shares: z.array(shareDto),
  attended: z.number(),
  rowVersion: z.number(),
});
export type ProgrammeSessionDto = z.infer<typeof programmeSessionDto>;

export const eventDto = z.object({
  id: z.string(),
  hostTenantId: z.string(),
  host: z.string(),
  partner: z.string(),
  own: z.boolean(),
  agreementId: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  title: z.string(),
  topic: z.string(),
  speakers: z.array(z.object({ name: z.string(), title: z.string() })),
  description: z.string(),
  /** the event's seats per city: the figure asked for, else the larger clause figure (each city's own: seatsByCity) */
  seatsPerCity: z.number(),
  releaseHours: z.number(),
  homeApproval: z.boolean(),
  /** a class's certificate threshold: sessions to attend (null = all) */
  certificateSessions: z.number().nullable(),
  status: z.enum(PROGRAMME_STATUSES),
  rowVersion: z.number(),
  firstStartsAt: z.string().nullable(),
  sessions: z.number(),
});
export type EventDto = z.infer<typeof eventDto>;
export const eventDetailDto = eventDto.extend({
  sessionList: z.array(programmeSessionDto),
  /** each city's seats at a new session by default: the event's seatsPerCity within that city's own clause figure */
  seatsByCity: z.array(z.object({ tenantId: z.string(), federation: z.string(), seats: z.number() })),
});
export type EventDetailDto = z.infer<typeof eventDetailDto>;

export const registerInput = z.object({
  sessionId: uuid,
  /** the member agrees to their name and mobile going to the host (needed when the host is the other city) */
  consent: z.boolean().default(false),
  idempotencyKey: trimmed(8, 80),
});
export const nominateRegistrationInput = z.object({ sessionId: uuid, memberIds: z.array(uuid).min(1).max(500), consentAttested: z.boolean() });
/** Staff nominate many of their own members for a session from an Excel list (姓名, 身份证号 or 手机号, 本人同意). */
export const nominateXlsxRegistrationInput = xlsxUploadInput.extend({ sessionId: uuid });
export const registrationCancelInput = z.object({ id: uuid, reason: safeText(500).default('') });
export const registrationListInput = z.object({ sessionId: uuid });
export const programmeCheckInInput = z.object({ sessionId: uuid, token: trimmed(10, 200) });
/** A walk-in at the door: who came without registering, from either city, by ID number or mobile (one is enough). */
export const walkInInput = z.object({
  sessionId: uuid,
  /** the city they belong to: the host's or the co-host's */
  home: z.enum(['host', 'partner']),
  name: trimmed(1, 40),
  /** an ID number or a mobile, as the person gives it (the API tells which) */
  number: trimmed(1, 24),
});
/** An attendee's feedback on a session they were checked in at: once, a rating and an optional comment. */
export const feedbackInput = z.object({ id: uuid, rating: z.number().int().min(1).max(5), comment: safeText(500).default('') });
export const feedbackDto = z.object({ rating: z.number().int(), comment: z.string(), at: z.string() });
/** What the attendees said about an event: per session, and the comments (no names), newest first. */
export const eventFeedbackDto = z.object({
  eventId: z.string(),
  count: z.number().int(),
  average: z.number().nullable(),
  sessions: z.array(z.object({ sessionId: z.string(), title: z.string(), count: z.number().int(), average: z.number().nullable() })),
  comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), city: z.string(), sessionTitle: z.string(), at: z.string() })),
});
export type EventFeedbackDto = z.infer<typeof eventFeedbackDto>;
export const walkInResultDto = z.object({ outcome: z.enum(['recorded', 'already']), name: z.string(), home: z.string(), masked: z.string(), at: z.string() });
export type WalkInResultDto = z.infer<typeof walkInResultDto>;

export const programmeRegistrationDto = z.object({
  id: z.string(),
  sessionId: z.string(),
  eventId: z.string(),
  home: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberMobile: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  onShare: z.boolean(),
  requestedAt: z.string(),
  checkedInAt: z.string().nullable(),
  nominated: z.boolean(),
  /** a seat offered from the waitlist is held for the member until then (status 'offered') */
  offerExpiresAt: z.string().nullable(),
});
export type ProgrammeRegistrationDto = z.infer<typeof programmeRegistrationDto>;

export const ticketDto = programmeRegistrationDto.extend({
  /** the check-in code (QR), only for the member and their home federation */
  token: z.string().nullable(),
  eventTitle: z.string(),
  /** which session of the series (a class or a series has several) */
  sessionTitle: z.string(),
  host: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  sessionStatus: z.enum(['scheduled', 'cancelled']),
  waitlistPosition: z.number().nullable(),
  /** checked in at the session (so it may be rated) */
  attended: z.boolean(),
  /** the member's feedback, once given */
  feedback: feedbackDto.nullable(),
});
export type TicketDto = z.infer<typeof ticketDto>;
export const programmeRegisterResultDto = z.object({ ticket: ticketDto, created: z.boolean() });

/**
 * A member's own registration for a session of an event that needs their home federation's approval
 * (decision 0051): kept by the home federation, holding no seat until approved. Submitted with the
 * same input as a registration.
 */
export const programmeRequestDto = z.object({
  id: z.string(),
  sessionId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  sessionTitle: z.string(),
  host: z.string(),
  startsAt: z.string(),
  memberName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  decisionReason: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** once approved: what the claim gave (registered, or waitlisted when the seats had gone) */
  registrationStatus: z.enum(REGISTRATION_STATUSES).nullable(),
  /** still waiting: the member or their staff may withdraw it */
  canWithdraw: z.boolean(),
});
export type ProgrammeRequestDto = z.infer<typeof programmeRequestDto>;
export const programmeRequestListInput = z.object({ eventId: uuid.optional(), status: z.enum(APPLICATION_STATUSES).optional() });
export const nominateResultDto = z.object({ registered: z.number(), waitlisted: z.number(), existing: z.number() });

export const checkInResultDto = z.object({
  outcome: z.enum(['checked_in', 'already']),
  memberName: z.string(),
  home: z.string(),
  checkedInAt: z.string(),
});
export type CheckInResultDto = z.infer<typeof checkInResultDto>;

export const attendanceDto = z.object({
  eventId: z.string(),
  /** 场次: sessions held (with at least one check-in, or past and not cancelled) */
  sessionsHeld: z.number(),
  /** 人次 */
  attendances: z.number(),
  /** 人数 */
  people: z.number(),
  perCity: z.array(z.object({ tenantId: z.string(), federation: z.string(), attendances: z.number(), people: z.number() })),
});
export type AttendanceDto = z.infer<typeof attendanceDto>;

export const learningEntryDto = z.object({
  sessionId: z.string(),
  eventTitle: z.string(),
  topic: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  host: z.string(),
  startsAt: z.string(),
  creditHours: z.number(),
  checkedInAt: z.string(),
});
export const learningRecordDto = z.object({ sessions: z.number(), creditHours: z.number(), topics: z.array(z.string()), entries: z.array(learningEntryDto) });
export type LearningRecordDto = z.infer<typeof learningRecordDto>;

export const programmePanelDto = z.object({
  sessionsHeld: z.number(),
  attendances: z.number(),
  people: z.number(),
  perCity: z.array(z.object({ federation: z.string(), attendances: z.number() })),
  topTopics: z.array(z.object({ topic: z.string(), attendances: z.number() })),
});

/**
 * An event's materials (资料: slides as PDF, images, documents; decision 0053): uploaded by the host's
 * or the co-host's staff, read by both parties' staff and by members registered for the event.
 */
export const materialUploadInput = z.object({ eventId: uuid, ...fileUploadFields });
export const materialListInput = z.object({ eventId: uuid });
export const materialDto = z.object({
  id: z.string(),
  eventId: z.string(),
  filename: z.string(),
  contentType: storedFileType,
  size: z.number(),
  /** the federation whose staff uploaded it */
  party: z.string(),
  createdAt: z.string(),
  /** GET with the session cookie: inline preview; add ?download=1 to save it */
  url: z.string(),
});
export type MaterialDto = z.infer<typeof materialDto>;

/** The events calendar (活动日历): sessions between two China dates, at most 62 days (a month view's six weeks and more). */
export const CALENDAR_MAX_DAYS = 62;
export const calendarInput = z
  .object({ from: dateString, to: dateString, agreementId: uuid.nullable().default(null) })
  .refine((c) => c.from <= c.to, { error: 'term_order', path: ['to'] })
  .refine((c) => Date.parse(c.to) - Date.parse(c.from) <= (CALENDAR_MAX_DAYS - 1) * 86_400_000, { error: 'range_too_long', path: ['to'] });
export const calendarEntryDto = z.object({
  sessionId: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  topic: z.string(),
  host: z.string(),
  /** the caller's federation hosts the event */
  own: z.boolean(),
  agreementId: z.string(),
  eventStatus: z.enum(PROGRAMME_STATUSES),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** the venue's name and its federation, or null for an online session */
  venue: z.object({ name: z.string(), federation: z.string() }).nullable(),
  online: z.boolean(),
  status: z.enum(['scheduled', 'cancelled']),
  capacity: z.number(),
  free: z.number(),
});
export type CalendarEntryDto = z.infer<typeof calendarEntryDto>;

/**
 * A class's completion certificate (结业证书, decision 0057): derived on every read from the
 * member's check-ins at the class's sessions (never a stored total); its number is a keyed hash of
 * the event and the member, so it can be checked without storing it.
 */
export const programmeCertificateDto = z.object({
  number: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  topic: z.string(),
  host: z.string(),
  partner: z.string(),
  homeTenantId: z.string(),
  home: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** sessions of the class (not cancelled), sessions required, sessions attended */
  sessions: z.number(),
  required: z.number(),
  attended: z.number(),
  creditHours: z.number(),
  /** first and last attended session (YYYY-MM-DD, China); the certificate is dated on the last */
  from: z.string(),
  to: z.string(),
});
export type ProgrammeCertificateDto = z.infer<typeof programmeCertificateDto>;
/** Who qualifies for a class's certificate, for the host's (or the co-host's, its own members) staff. */
export const programmeCertificateListDto = z.object({
  eventId: z.string(),
  sessions: z.number(),
  required: z.number(),
  /** distinct attendees with a ticket check-in (walk-ins have no certificate) */
  attendees: z.number(),
  certificates: z.array(programmeCertificateDto),
});
export type ProgrammeCertificateListDto = z.infer<typeof programmeCertificateListDto>;
export const programmeCertificateInput = z.object({ eventId: uuid, homeTenantId: uuid, memberId: uuid });
export const programmeCertificateCheckInput = z.object({ number: trimmed(6, 40) });
/** A certificate number checked by staff of the host or co-host: the masked facts it stands for. */
export const programmeCertificateCheckDto = z.object({
  number: z.string(),
  eventTitle: z.string(),
  maskedName: z.string(),
  home: z.string(),
  attended: z.number(),
  required: z.number(),
  to: z.string(),
});
/**
 * The public check behind a completion certificate's QR code (/verify/certificate/<number>): the masked
 * facts printed on it when it was first issued, and whether they still match the hash stored then.
 */
export const programmeCertificateVerifyDto = z.object({
  number: z.string(),
  maskedName: z.string(),
  classTitle: z.string(),
  topic: z.string(),
  attended: z.number(),
  sessions: z.number(),
  creditHours: z.string(),
  completedOn: z.string(),
  issuedOn: z.string(),
  issuers: z.array(z.string()),
  hash: z.string(),
  valid: z.boolean(),
});
