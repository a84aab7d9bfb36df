import { z } from 'zod';
import { personRef } from './person.ts';
import { dateString, fen, rowVersion, safeText, trimmed, uuid } from './common.ts';
import { fileUploadFields, storedFileType } from './files.ts';
import { idNumberSchema, mobileSchema } from './member.ts';

// Cross-city rights protection (权益共同维护, DOMAIN §3.2): a case taken in by federation A and
// referred to a partner B ("当地受理、异地援助"). The referral's steps are events; its clocks are
// computed from them on working days (docs/decisions/0013-rights-referral.md).

export const DISPUTE_KINDS = ['wage_arrears', 'work_injury', 'labour_contract', 'social_insurance'] as const;
export const disputeKind = z.enum(DISPUTE_KINDS);
export type DisputeKind = z.infer<typeof disputeKind>;
export const CASE_SOURCES = ['hotline', 'walk_in', 'partner_referral'] as const;
export const DOCUMENT_KINDS = ['contract', 'pay_slip', 'id_card', 'medical', 'other'] as const;

export const REFERRAL_STATUSES = ['submitted', 'accepted', 'returned', 'in_progress', 'on_hold', 'resolved', 'followed_up', 'archived'] as const;
export const referralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof referralStatus>;

/** the steps of a referral, each an event */
export const REFERRAL_STEPS = [
  'submit',
  'accept',
  'return',
  'resubmit',
  'start',
  'action',
  'hold',
  'resume',
  'resolve',
  'follow_up',
  'archive',
  'request_transfer',
  'decline_transfer',
  'transfer',
  'consent_withdrawn',
] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

export const OUTCOMES = ['mediated', 'arbitration_award', 'judgement', 'withdrawn', 'no_merit', 'transferred'] as const;
export const ACTION_KINDS = ['mediation', 'arbitration_filed', 'court', 'legal_aid', 'call', 'visit', 'other'] as const;
export const CONSENT_METHODS = ['signed_form', 'phone_attested'] as const;
export const CONSENT_SCOPES = ['worker_identity', 'contact', 'facts', 'documents'] as const;

export const CLOCK_KINDS = ['accept', 'respond', 'resolve', 'follow_up'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const CLOCK_STATES = ['not_started', 'running', 'paused', 'stopped'] as const;
/** The hotline's hour targets (12351, DOMAIN §3.2), counted in business hours: docs/decisions/0055. */
export const HOUR_CLOCK_KINDS = ['dispatch', 'first_response', 'hotline_follow_up'] as const;
export type HourClockKind = (typeof HOUR_CLOCK_KINDS)[number];

export const documentInput = z.object({
  name: trimmed(1, 120),
  kind: z.enum(DOCUMENT_KINDS),
  shared: z.boolean(),
  note: safeText(500).default(''),
});

export const caseCreateInput = z.object({
  /** a member of the federation; else the minimal data of a non-member worker below */
  memberId: uuid.nullable().default(null),
  workerName: trimmed(1, 40),
  workerMobile: mobileSchema.nullable().default(null),
  idNumber: idNumberSchema.nullable().default(null),
  employerName: trimmed(1, 120),
  employerCreditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$|^$/, { error: 'credit_code' }).default(''),
  employerCity: trimmed(1, 40),
  disputeKind,
  facts: trimmed(1, 4000),
  claims: safeText(2000).default(''),
  amountClaimedFen: fen.default(0),
  source: z.enum(CASE_SOURCES),
  documents: z.array(documentInput).max(30).default([]),
  internalNotes: safeText(2000).default(''),
  /** link to an earlier case of the same worker against the same employer */
  linkedCaseId: uuid.nullable().default(null),
});

export const consentInput = z.object({
  caseId: uuid,
  partnerSlug: z.string().min(1).max(40),
  purpose: trimmed(1, 200),
  scope: z.array(z.enum(CONSENT_SCOPES)).min(1),
  method: z.enum(CONSENT_METHODS),
  /** the caseworker's attestation of the phone call (required then); for a signed form, a note (the form's name when empty) */
  evidence: safeText(500).default(''),
  givenAt: z.iso.datetime(),
  /** the signed form itself, a PDF or a photo (decision 0056): required with `signed_form`, refused with `phone_attested` */
  form: z.object(fileUploadFields).optional(),
});
/** what a signed consent form may be: a scan (PDF) or a photo — never an Office file */
export const CONSENT_FORM_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
/** the signed form as the web lists it; the GET path logs the read (a partner's only while the consent holds) */
export const consentFormDto = z.object({ id: z.string(), filename: z.string(), contentType: storedFileType, size: z.number(), createdAt: z.string(), url: z.string() });
export type ConsentFormDto = z.infer<typeof consentFormDto>;

export const referInput = z.object({ caseId: uuid, consentId: uuid, note: safeText(1000).default('') });
/**
 * Record a case, the worker's consent (with the signed form) and refer it, all or nothing: the desk's
 * one form ("登记案件并转办"). Documents as files follow on the referral's page (they are added one by
 * one, each shared or internal).
 */
export const caseIntakeInput = caseCreateInput.extend({ consent: consentInput.omit({ caseId: true }), note: safeText(1000).default('') });
export const caseIntakeDto = z.object({ referralId: z.string(), caseId: z.string(), duplicates: z.array(z.object({ id: z.string(), createdAt: z.string() })) });

const step = { id: uuid, rowVersion };
export const referralStepInput = z.object({ ...step, note: safeText(1000).default('') });
export const referralReasonInput = z.object({ ...step, reason: trimmed(1, 1000) });
export const referralStartInput = z.object({ ...step, assignee: trimmed(1, 80) });
export const referralActionInput = z.object({ ...step, kind: z.enum(ACTION_KINDS), date: dateString, note: safeText(1000).default('') });
export const referralResolveInput = z.object({ ...step, outcome: z.enum(OUTCOMES), amountRecoveredFen: fen.default(0), note: safeText(1000).default('') });
export const referralFollowUpInput = z.object({ ...step, satisfaction: z.number().int().min(1).max(5), note: safeText(1000).default('') });
/**
 * The referrer moves a referral to another partner: with a consent already recorded for it, or with
 * the worker's consent recorded here and now (one transaction: a refused transfer leaves no consent).
 */
export const referralTransferInput = z.object({ ...step, reason: trimmed(1, 1000), consentId: uuid.optional(), consent: consentInput.omit({ caseId: true }).optional() });
/** The performer asks the referrer to move the referral to a third federation (the referrer approves with `transfer` or declines). */
export const referralTransferRequestInput = z.object({ ...step, partnerSlug: z.string().min(1).max(40), reason: trimmed(1, 1000) });
export const consentWithdrawInput = z.object({ consentId: uuid, reason: trimmed(1, 500) });
export const referralListInput = z.object({ side: z.enum(['referred', 'received', 'all']).default('all'), status: referralStatus.optional() }).default({ side: 'all' });

export const fedRefDto = z.object({ id: z.string(), slug: z.string(), nameZh: z.string(), nameEn: z.string() });

export const clockDto = z.object({
  kind: z.enum(CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  /** working days allowed by the policy in force when the clock started */
  budgetDays: z.number(),
  /** working time counted so far, in working days (fractions of a 24 h working day) */
  elapsedDays: z.number(),
  remainingDays: z.number(),
  /** when it runs out if it keeps running (UTC ISO), null when not running */
  dueAt: z.string().nullable(),
  breached: z.boolean(),
  warning: z.boolean(),
});
export type ClockDto = z.infer<typeof clockDto>;

/** An hour clock of a hotline case's referral: minutes of business time (the policy's opening hours on working days). */
export const hourClockDto = z.object({
  kind: z.enum(HOUR_CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  budgetMinutes: z.number(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  dueAt: z.string().nullable(),
  breached: z.boolean(),
  warning: z.boolean(),
});
export type HourClockDto = z.infer<typeof hourClockDto>;

export const referralEventDto = z.object({
  seq: z.number(),
  type: z.string(),
  status: referralStatus,
  actor: z.object({ federation: fedRefDto, label: z.string() }),
  performer: fedRefDto,
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const referralDto = z.object({
  id: z.string(),
  caseId: z.string(),
  /** the agreement the referral is made under */
  agreementId: z.string(),
  status: referralStatus,
  /** referred: the caller's federation referred it; received: it acts on it */
  side: z.enum(['referred', 'received']),
  referrer: fedRefDto,
  performer: fedRefDto,
  disputeKind,
  assignee: z.string().nullable(),
  outcome: z.string().nullable(),
  amountRecoveredFen: z.number().nullable(),
  consentActive: z.boolean(),
  /** the performer's request to move the referral to a third federation, while the referrer has not answered it */
  transferRequest: z.object({ to: fedRefDto, reason: z.string(), at: z.string(), by: z.string() }).nullable(),
  rowVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  clocks: z.array(clockDto),
  /** the hotline's hour clocks (dispatch, first response, follow-up) when the case came in on 12351, else empty */
  hourClocks: z.array(hourClockDto),
});
export type ReferralDto = z.infer<typeof referralDto>;

export const referralDetailDto = referralDto.extend({ events: z.array(referralEventDto) });

export const sharedDocumentDto = z.object({ name: z.string(), kind: z.string(), note: z.string() });

/**
 * A case document as a file (decision 0053): uploaded by the referring federation's caseworker,
 * shared with the partner or internal. The `documents` entries above are paper documents named at
 * intake (no file); these are the files.
 */
export const caseDocumentUploadInput = z.object({
  caseId: uuid,
  kind: z.enum(DOCUMENT_KINDS),
  shared: z.boolean(),
  note: safeText(500).default(''),
  ...fileUploadFields,
});
export const caseDocumentDto = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  shared: z.boolean(),
  note: z.string(),
  filename: z.string(),
  contentType: storedFileType,
  size: z.number(),
  /** the caseworker who uploaded it, as a label */
  uploadedBy: z.string(),
  createdAt: z.string(),
  /** GET with the session cookie: inline preview; add ?download=1 to save it (a partner's read is logged) */
  url: z.string(),
});
export type CaseDocumentDto = z.infer<typeof caseDocumentDto>;
/** a shared document of a referral's case, read by either side of the referral (the performer's read is logged) */
export const referralDocumentInput = z.object({ id: uuid, documentId: uuid });
/**
 * The answer: the file, or a refusal (the worker's consent withdrawn or not covering documents) that is
 * logged like a granted read. Flat, so the API knows it as a file answer (sent alone, counted as a file).
 */
export const referralDocumentDto = z.object({
  access: z.enum(['granted', 'refused']),
  reason: z.enum(['consent_withdrawn']).nullable(),
  filename: z.string(),
  contentType: storedFileType.nullable(),
  base64: z.string(),
});

/** The case file as the partner sees it: no internal notes, no internal documents, masked ID number. */
export const caseFileDto = z.object({
  workerName: z.string(),
  workerMobile: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  employerName: z.string(),
  employerCreditCode: z.string(),
  employerCity: z.string(),
  disputeKind,
  facts: z.string(),
  claims: z.string(),
  amountClaimedFen: z.number(),
  source: z.enum(CASE_SOURCES),
  documents: z.array(sharedDocumentDto),
  /** the shared files (only when the consent covers documents) */
  files: z.array(caseDocumentDto),
});
export const fileReadDto = z.discriminatedUnion('access', [
  /** consentForm: the signed form, when the consent covers documents and the worker's identity (it carries the signature) */
  z.object({ access: z.literal('granted'), file: caseFileDto, consentForm: consentFormDto.nullable() }),
  z.object({ access: z.literal('refused'), reason: z.enum(['consent_withdrawn']) }),
]);

export const consentDto = z.object({
  id: z.string(),
  partner: fedRefDto,
  purpose: z.string(),
  scope: z.array(z.string()),
  method: z.enum(CONSENT_METHODS),
  evidence: z.string(),
  /** the signed form (null for a phone consent) */
  form: consentFormDto.nullable(),
  givenAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

/** The case as its own federation sees it (all of it). */
export const caseDto = caseFileDto.extend({
  id: z.string(),
  memberId: z.string().nullable(),
  documents: z.array(documentInput.extend({ note: z.string() })),
  /** every file of the case, shared and internal */
  files: z.array(caseDocumentDto),
  internalNotes: z.string(),
  linkedCaseId: z.string().nullable(),
  rowVersion: z.number(),
  createdAt: z.string(),
  consents: z.array(consentDto),
  referralIds: z.array(z.string()),
  /** other cases of the same worker against the same employer within 90 days */
  duplicates: z.array(z.object({ id: z.string(), createdAt: z.string() })),
});
export type CaseDto = z.infer<typeof caseDto>;

export const caseSummaryDto = z.object({
  id: z.string(),
  workerName: z.string(),
  employerName: z.string(),
  disputeKind,
  source: z.enum(CASE_SOURCES),
  createdAt: z.string(),
  referralStatus: referralStatus.nullable(),
});

/** A message on the referral's secure thread (the caseworkers of the two federations on it). */
/** A message may carry one file (the one file store's limits; one file keeps the request within the upload body limit). */
export const referralMessageInput = z.object({ id: uuid, body: trimmed(1, 2000), file: z.object(fileUploadFields).optional() });
/** a file on a thread message; its GET path logs the read as a read of the file */
export const threadFileDto = z.object({ id: z.string(), filename: z.string(), contentType: storedFileType, size: z.number(), url: z.string() });
/** author: the federation; authorPerson: 姓名 + 职务 + 单位 (never the login email) */
export const threadMessageDto = z.object({ id: z.string(), author: fedRefDto, authorPerson: personRef, mine: z.boolean(), body: z.string(), at: z.string(), files: z.array(threadFileDto) });
/** a file of a referral's thread (either side; the performer only while the consent holds) */
export const referralThreadFileInput = z.object({ id: uuid, fileId: uuid });
/** The thread is part of the shared file: the performer reads it only while the worker's consent holds. */
export const threadDto = z.discriminatedUnion('access', [
  z.object({ access: z.literal('granted'), messages: z.array(threadMessageDto) }),
  z.object({ access: z.literal('refused'), reason: z.enum(['consent_withdrawn']) }),
]);
export type ThreadDto = z.infer<typeof threadDto>;

export const fileAccessDto = z.object({
  id: z.string(),
  reader: fedRefDto,
  /** 姓名 + 职务 + 单位 of the reader (never the login email) */
  readerPerson: personRef,
  outcome: z.enum(['read', 'refused']),
  reason: z.string().nullable(),
  at: z.string(),
});

export const rightsBoardDto = z.object({
  open: z.array(z.object({ status: referralStatus, partner: fedRefDto, side: z.enum(['referred', 'received']), count: z.number() })),
  nearBreach: z.array(z.object({ referralId: z.string(), clock: z.enum(CLOCK_KINDS), remainingDays: z.number() })),
  breaches: z.array(z.object({ referralId: z.string(), clock: z.enum(CLOCK_KINDS), elapsedDays: z.number(), budgetDays: z.number() })),
  /** the hour clocks of hotline referrals, in minutes of business time */
  hourNearBreach: z.array(z.object({ referralId: z.string(), clock: z.enum(HOUR_CLOCK_KINDS), remainingMinutes: z.number() })),
  hourBreaches: z.array(z.object({ referralId: z.string(), clock: z.enum(HOUR_CLOCK_KINDS), elapsedMinutes: z.number(), budgetMinutes: z.number() })),
  outcomes: z.array(z.object({ partner: fedRefDto, year: z.number(), resolved: z.number(), amountRecoveredFen: z.number() })),
});

/** What the worker sees of their own case on their phone: its progress, no notes, no file. */
export const myCaseDto = z.object({
  id: z.string(),
  disputeKind,
  employerName: z.string(),
  createdAt: z.string(),
  status: referralStatus.nullable(),
  partner: fedRefDto.nullable(),
  updatedAt: z.string(),
});

// A federation's service levels: budgets in working days from a date, and its own closure days.
// A change applies from a future date (a clock keeps the budget it started with); a closure day may
// be added for today or later — the department closed, its clocks stop — never for a day gone by.
const slaDays = z.number().int().min(1).max(365);
// the hotline's figures in minutes of business time (up to 30 working days of 8 h) and the opening windows
const slaMinutes = z.number().int().min(1).max(14_400);
const businessWindow = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$|^([01]\d|2[0-3]):[0-5]\d-24:00$/;
const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const businessHoursSchema = z
  .array(z.string().regex(businessWindow, { error: 'business_hours' }))
  .min(1, { error: 'business_hours' })
  .max(4, { error: 'business_hours' })
  .refine((ws) => ws.every((w, i) => minutesOfDay(w.slice(6)) > minutesOfDay(w) && (i === 0 || minutesOfDay(w) >= minutesOfDay(ws[i - 1]!.slice(6)))), { error: 'business_hours' });
export const DEFAULT_BUSINESS_HOURS = ['08:30-12:00', '13:30-17:30'];
export const slaPolicyInput = z.object({
  effectiveFrom: dateString,
  acceptDays: slaDays,
  respondDays: slaDays,
  resolveDays: slaDays,
  followUpDays: slaDays,
  businessHours: businessHoursSchema.default(DEFAULT_BUSINESS_HOURS),
  dispatchMinutes: slaMinutes.default(30),
  firstResponseMinutes: slaMinutes.default(120),
  hotlineFollowUpMinutes: slaMinutes.default(1440),
});
export const closureDayInput = z.object({ day: dateString, reason: trimmed(1, 200) });
export const closureDayRemoveInput = z.object({ day: dateString });

/** a policy's figures: days for the day clocks, business hours and minutes for the hotline's hour clocks */
const slaFiguresDto = z.object({
  acceptDays: z.number(),
  respondDays: z.number(),
  resolveDays: z.number(),
  followUpDays: z.number(),
  businessHours: z.array(z.string()),
  dispatchMinutes: z.number(),
  firstResponseMinutes: z.number(),
  hotlineFollowUpMinutes: z.number(),
});
export const slaPolicyDto = slaFiguresDto.extend({
  id: z.string(),
  effectiveFrom: z.string(),
  /** in force today; a past one is superseded, a future one may still be changed or removed */
  state: z.enum(['superseded', 'in_force', 'scheduled']),
});
export const serviceLevelsDto = z.object({
  today: z.string(),
  /** DOMAIN §3.2's figures, in force before a federation's first policy */
  defaults: slaFiguresDto,
  policies: z.array(slaPolicyDto),
  closures: z.array(z.object({ day: z.string(), reason: z.string(), removable: z.boolean() })),
  /** this year or next whose national holidays are not known yet: their holidays would count as working days */
  unknownYears: z.array(z.number()),
  /** the admin may change them */
  canManage: z.boolean(),
});
export type ServiceLevelsDto = z.infer<typeof serviceLevelsDto>;
