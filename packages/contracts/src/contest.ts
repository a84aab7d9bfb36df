import { z } from 'zod';
import { APPLICATION_STATUSES, dateString, homeDecisionInput, rowImportDto, rowVersion, safeText, trimmed, uuid, xlsxUploadInput } from './common.ts';

// Joint skills contests (技能共同提升, issue 9): inputs and DTOs of contest.*.

const slug = z.string().max(40);

const measure = z.number().min(-1_000_000).max(1_000_000);
export const contestAspect = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/),
  label: trimmed(1, 60),
  part: z.enum(['theory', 'practical']),
  type: z.enum(['measurement', 'judgement']),
  max: z.number().int().min(1).max(1000),
  /** measurement marked from the measured value: full marks within ±within of target, zero at ±zeroBeyond or more, linear between */
  tolerance: z.object({ target: measure, within: measure.min(0), zeroBeyond: measure.min(0), unit: safeText(12).default('') }).optional(),
  /** judgement against written level descriptors, lowest first (e.g. 未达到 / 基本达到 / 达到 / 超出要求) */
  levels: z.array(trimmed(1, 200)).min(2).max(6).optional(),
});
export type ContestAspectDto = z.infer<typeof contestAspect>;

/** The marking scheme a new event starts from (the organiser may change every line): theory 100 from the exam sheet, practical 60 measured + 40 judged. */
// The marking rules the judge's phone previews and the server applies (one definition for both).

/** Full marks within ±within of the target, zero at ±zeroBeyond or more, linear between (hundredths). */
export function markFromMeasure(max: number, t: { target: number; within: number; zeroBeyond: number }, value: number): number {
  // compared at a millionth, so 10.05 against 10 ± 0.05 is within (binary floating point says 0.0500000000000007)
  const off = Math.round(Math.abs(value - t.target) * 1e6) / 1e6;
  if (off <= t.within) return max * 100;
  if (off >= t.zeroBeyond) return 0;
  return Math.round((max * 100 * (t.zeroBeyond - off)) / (t.zeroBeyond - t.within));
}

/** Level i of n written descriptors (0 the lowest) earns i/(n−1) of full marks (hundredths). */
export const markFromLevel = (max: number, levels: number, level: number) => Math.round((max * 100 * level) / (levels - 1));

export const DEFAULT_CONTEST_ASPECTS: ContestAspectDto[] = [
  { key: 'theory', label: '理论知识', part: 'theory', type: 'measurement', max: 100 },
  { key: 'measure', label: '实操·测量项', part: 'practical', type: 'measurement', max: 60 },
  { key: 'judgement', label: '实操·评价项', part: 'practical', type: 'judgement', max: 40 },
];

export const contestCreateInput = z.object({
  agreementId: uuid,
  title: trimmed(2, 120),
  year: z.number().int().min(2000).max(2100),
  /** a neutral federation (no party) invited to judge */
  judgingPartnerSlugs: z.array(slug).max(5).default([]),
});

export const contestEventInput = z
  .object({
    contestId: uuid,
    trade: trimmed(1, 60),
    venue: safeText(200).default(''),
    eventDate: dateString,
    registrationOpens: dateString,
    registrationCloses: dateString,
    minAge: z.number().int().min(16).max(70).default(18),
    maxAge: z.number().int().min(16).max(70).default(60),
    minYearsInTrade: z.number().int().min(0).max(50).default(0),
    requiredCertificates: z.array(trimmed(1, 60)).max(10).default([]),
    /** absent: each city's own clause figure (entrantsPerCity, or its entry in entrantsPerCityByParty); given: every city's, never above its own figure */
    quotaPerCity: z.number().int().min(0).max(10_000).optional(),
    theoryWeight: z.number().int().min(0).max(100).default(30),
    aspects: z.array(contestAspect).min(1).max(20).optional(),
    advance: z.number().int().min(0).max(1000).default(0),
    appealHours: z.number().int().min(0).max(720).default(2),
    noticeDays: z.number().int().min(0).max(60).default(5),
  })
  .refine((e) => e.registrationOpens <= e.registrationCloses && e.registrationCloses <= e.eventDate, { error: 'window_order', path: ['registrationCloses'] })
  .refine((e) => e.minAge <= e.maxAge, { error: 'age_order', path: ['maxAge'] });

export const contestPartyDto = z.object({ slug: z.string(), name: z.string(), role: z.enum(['organiser', 'party', 'judging_partner']) });

export const contestDto = z.object({
  id: uuid,
  agreementId: uuid,
  title: z.string(),
  year: z.number().int(),
  organiser: z.object({ slug: z.string(), name: z.string() }),
  parties: z.array(contestPartyDto),
  isOrganiser: z.boolean(),
  eventCount: z.number().int(),
  rowVersion,
});
export type ContestDto = z.infer<typeof contestDto>;

export const EVENT_STAGES = ['registration', 'closed', 'drawn', 'locked', 'published', 'finalised'] as const;

export const contestEventDto = z.object({
  id: uuid,
  contestId: uuid,
  trade: z.string(),
  venue: z.string(),
  eventDate: z.string(),
  registrationOpens: z.string(),
  registrationCloses: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  minYearsInTrade: z.number().int(),
  requiredCertificates: z.array(z.string()),
  /** the largest city's quota; each city's own is in cities[].quota */
  quotaPerCity: z.number().int(),
  theoryWeight: z.number().int(),
  aspects: z.array(contestAspect),
  advance: z.number().int(),
  appealHours: z.number().int(),
  noticeDays: z.number().int(),
  stage: z.enum(EVENT_STAGES),
  /** a judge's mark or the exam sheet is in: the marking scheme is fixed from then on */
  markingBegun: z.boolean(),
  /** 初赛 or 决赛; a final names its preliminary, a preliminary its final once made */
  round: z.enum(['preliminary', 'final']),
  preliminaryId: uuid.nullable(),
  finalId: uuid.nullable(),
  drawSeed: z.string().nullable(),
  publishedAt: z.string().nullable(),
  appealUntil: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  /** entrants per city: registered of the quota */
  cities: z.array(z.object({ slug: z.string(), name: z.string(), quota: z.number().int(), registered: z.number().int() })),
  rowVersion,
});
export type ContestEventDto = z.infer<typeof contestEventDto>;

export const contestDetailDto = contestDto.extend({
  events: z.array(contestEventDto),
  /** the clause's entrants per event when every city has the same figure; null: they differ, or contests not covered */
  entrantsPerCity: z.number().int().nullable(),
  /** the clause's entrants per event of each entering city (empty: contests not covered) */
  entrantsByCity: z.array(z.object({ slug: z.string(), name: z.string(), entrants: z.number().int() })),
});
export type ContestDetailDto = z.infer<typeof contestDetailDto>;

export const contestRegisterInput = z.object({
  eventId: uuid,
  memberId: uuid,
  yearsInTrade: z.number().int().min(0).max(60),
  certificates: z.array(trimmed(1, 60)).max(10).default([]),
  /** the member agreed to share their data with the organiser */
  consent: z.literal(true),
  idempotencyKey: z.string().min(8).max(80),
});

export const registrationDto = z.object({
  id: uuid,
  eventId: uuid,
  memberName: z.string(),
  federation: z.object({ slug: z.string(), name: z.string() }),
  status: z.string(),
  number: z.number().int().nullable(),
  yearsInTrade: z.number().int(),
  certificates: z.array(z.string()),
  consentAt: z.string(),
});
export type RegistrationDto = z.infer<typeof registrationDto>;

export const registerResultDto = z.object({ registration: registrationDto, created: z.boolean(), outcome: z.enum(['held', 'waitlisted', 'existing']) });

export const eventIdInput = z.object({ eventId: uuid });

export const drawResultDto = z.object({
  seed: z.string(),
  algorithm: z.string(),
  numbers: z.array(z.object({ registrationId: uuid, number: z.number().int() })),
});

export const judgeAssignInput = z.object({ eventId: uuid, federationSlug: slug, userId: uuid, chief: z.boolean().default(false) });

export const judgeDto = z.object({ userId: uuid, name: z.string(), federation: z.object({ slug: z.string(), name: z.string() }), chief: z.boolean(), compatriotOf: z.number().int() });

export const panelDto = z.object({
  eventId: uuid,
  judges: z.array(judgeDto),
  /** entrants per city: a judge may mark everyone but their compatriots */
  entrantsByCity: z.array(z.object({ slug: z.string(), name: z.string(), entrants: z.number().int() })),
  /** cities whose entrants no judge on the panel may mark */
  uncovered: z.array(z.string()),
  frozen: z.boolean(),
});

export const judgeEventDto = z.object({ eventId: uuid, trade: z.string(), venue: z.string(), eventDate: z.string(), contestTitle: z.string(), stage: z.enum(EVENT_STAGES), chief: z.boolean() });

/** What a judge's phone shows: contestant numbers only — never a name or a federation. */
export const judgeSheetDto = z.object({
  eventId: uuid,
  trade: z.string(),
  locked: z.boolean(),
  aspects: z.array(contestAspect),
  contestants: z.array(
    z.object({
      number: z.number().int(),
      /** this judge's own marks, by aspect key (hundredths of a point) */
      marks: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type JudgeSheetDto = z.infer<typeof judgeSheetDto>;

export const scoreSubmitInput = z.object({
  eventId: uuid,
  number: z.number().int().min(1).max(100_000),
  aspect: z.string().max(31),
  /** hundredths of a point (an aspect without a tolerance or levels) */
  mark: z.number().int().min(0).max(100_000).optional(),
  /** the measured value (an aspect with a tolerance): the mark follows from it */
  measured: measure.optional(),
  /** the level descriptor chosen, 0 = the lowest (an aspect with levels) */
  level: z.number().int().min(0).max(5).optional(),
});
export const scoreResultDto = z.object({ created: z.boolean(), mark: z.number().int() });

export const resultRowDto = z.object({
  number: z.number().int(),
  rank: z.number().int(),
  /** the organiser and the entrant's home see the name; others a masked one */
  name: z.string(),
  federation: z.object({ slug: z.string(), name: z.string() }),
  theory: z.number(),
  practical: z.number(),
  total: z.number(),
  award: z.string().nullable(),
  advanced: z.boolean(),
  complete: z.boolean(),
  entrantId: uuid,
});
export const resultsDto = z.object({
  eventId: uuid,
  stage: z.enum(EVENT_STAGES),
  publishedAt: z.string().nullable(),
  appealUntil: z.string().nullable(),
  rows: z.array(resultRowDto),
  appeals: z.array(z.object({ id: uuid, number: z.number().int(), reason: z.string(), status: z.string(), decisionReason: z.string().nullable(), filedAt: z.string() })),
});
export type ResultsDto = z.infer<typeof resultsDto>;

export const appealInput = z.object({ eventId: uuid, number: z.number().int().min(1), reason: trimmed(2, 2000) });
export const appealDecideInput = z.object({
  appealId: uuid,
  decision: z.enum(['upheld', 'rejected']),
  reason: trimmed(2, 2000),
  /** re-marks when upheld: the judge, aspect and the new mark */
  remarks: z.array(z.object({ judgeUserId: uuid, aspect: z.string().max(31), mark: z.number().int().min(0).max(100_000) })).max(50).default([]),
  /** theory corrections when upheld (the exam paper re-checked): the aspect and the new mark */
  theoryRemarks: z.array(z.object({ aspect: z.string().max(31), mark: z.number().int().min(0).max(100_000) })).max(20).default([]),
});

export const appealIdInput = z.object({ appealId: uuid });

/** The appealed contestant's marks as they count now, for the chief judge's re-mark (organiser only). */
export const appealMarksDto = z.object({
  appealId: uuid,
  number: z.number().int(),
  marks: z.array(
    z.object({
      aspect: z.string(),
      label: z.string(),
      part: z.enum(['theory', 'practical']),
      max: z.number().int(),
      /** the judge who gave a practical mark; null for the exam sheet's theory mark */
      judgeUserId: uuid.nullable(),
      judge: z.string(),
      /** hundredths of a point; null: no mark yet */
      mark: z.number().int().nullable(),
    }),
  ),
});
export type AppealMarksDto = z.infer<typeof appealMarksDto>;

export const certificateDto = z.object({
  number: z.string(),
  maskedName: z.string(),
  contestTitle: z.string(),
  trade: z.string(),
  award: z.string(),
  title: z.string().nullable(),
  issuedOn: z.string(),
  issuers: z.array(z.string()),
  hash: z.string(),
});
export const verifyCertificateDto = certificateDto.extend({ valid: z.boolean() });
export const verifyCertificateInput = z.object({ number: z.string().regex(/^[A-Z0-9-]{6,40}$/) });

// ---- a member's own application (基层工会推荐 → 市总审核) ------------------------------------------

/** A member applies from their phone: their data go to the organiser only with their consent. */
export const contestApplyInput = z.object({
  eventId: uuid,
  yearsInTrade: z.number().int().min(0).max(60),
  certificates: z.array(trimmed(1, 60)).max(10).default([]),
  consent: z.literal(true),
  idempotencyKey: z.string().min(8).max(80),
});

export const applicationDto = z.object({
  id: uuid,
  eventId: uuid,
  contestTitle: z.string(),
  trade: z.string(),
  venue: z.string(),
  eventDate: z.string(),
  registrationCloses: z.string(),
  memberName: z.string(),
  yearsInTrade: z.number().int(),
  certificates: z.array(z.string()),
  status: z.enum(APPLICATION_STATUSES),
  /** the entrant number once drawn (approved applications) */
  number: z.number().int().nullable(),
  decisionReason: z.string().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** the window is open and the application is still open: the member or their staff may withdraw */
  canWithdraw: z.boolean(),
});
export type ApplicationDto = z.infer<typeof applicationDto>;

/** An event the member's federation enters and whose registration window is open today. */
export const openEventDto = z.object({
  eventId: uuid,
  contestTitle: z.string(),
  organiser: z.string(),
  trade: z.string(),
  venue: z.string(),
  eventDate: z.string(),
  registrationCloses: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  minYearsInTrade: z.number().int(),
  requiredCertificates: z.array(z.string()),
  /** the member's open application for it (applied or approved), if any */
  applicationId: uuid.nullable(),
  applicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
});
export type OpenEventDto = z.infer<typeof openEventDto>;

export const applicationListInput = z.object({ eventId: uuid.optional(), status: z.enum(APPLICATION_STATUSES).optional() });

/** the home federation's decision, as on a programme registration that needs approval */
export const applicationDecideInput = homeDecisionInput;

export const registrationIdInput = z.object({ id: uuid });

/** Advances a preliminary's top N (from its published results, after the appeal window) into its final. */
/** The organiser changes an event's marking scheme while no mark has been given (a judge's or the exam sheet's). */
export const contestSchemeInput = z.object({
  eventId: uuid,
  theoryWeight: z.number().int().min(0).max(100),
  aspects: z.array(contestAspect).min(1).max(20),
  rowVersion,
});

export const advanceInput = z.object({ eventId: uuid, eventDate: dateString, venue: safeText(200).optional() });

/** Bulk entry of a party's own members from an Excel list (姓名, 身份证号, 从业年限, 证书, 本人同意). */
export const contestEntryImportInput = xlsxUploadInput.extend({ eventId: uuid });
export const contestImportDto = rowImportDto;
export type ContestImportDto = z.infer<typeof contestImportDto>;

/** The exam system's theory sheet for a drawn event: 参赛号, an optional 姓名 check, a mark per theory aspect. */
export const contestTheoryImportInput = contestEntryImportInput.extend({ fileName: trimmed(1, 200).default('理论成绩.xlsx') });
/** One recorded import (the latest counts). */
export const contestTheoryImportDto = z.object({ id: uuid, at: z.string(), fileName: z.string(), fileSha256: z.string(), rows: z.number().int(), by: z.string() });
export type ContestTheoryImportDto = z.infer<typeof contestTheoryImportDto>;
