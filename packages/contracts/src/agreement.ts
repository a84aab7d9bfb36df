import { z } from 'zod';
import { personRef } from './person.ts';
import { dateString, rowVersion, trimmed, uuid } from './common.ts';

export const JOINT_KINDS = ['programme', 'rights', 'contest', 'recuperation', 'project'] as const;
export const jointKind = z.enum(JOINT_KINDS);
export type JointKind = z.infer<typeof jointKind>;

export const AGREEMENT_STATUSES = ['draft', 'negotiating', 'signing', 'active', 'expired', 'terminated', 'declined'] as const;
export const agreementStatus = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof agreementStatus>;

const partySlug = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** Figures a clause sets per kind, as numbers (places, entrants, seats). */
export const commonsFigures = z.object({
  /** recuperation: places each side reserves for the other's members per year */
  placesPerYear: z.number().int().min(0).max(100_000).optional(),
  /** contest: entrants each city may register per event */
  entrantsPerCity: z.number().int().min(0).max(10_000).optional(),
  /** programme: seats per city at each joint session */
  seatsPerCity: z.number().int().min(0).max(100_000).optional(),
  /**
   * recuperation, when the two directions differ: the places a party reserves for the other
   * party's members per year, by the granting party's slug; a party not listed grants placesPerYear
   */
  placesPerYearByHost: z.record(partySlug, z.number().int().min(0).max(100_000)).optional(),
  /** contest, when the cities differ: entrants a party's members take per event, by its slug; a party not listed has entrantsPerCity */
  entrantsPerCityByParty: z.record(partySlug, z.number().int().min(0).max(10_000)).optional(),
  /** programme, when the cities differ: seats a party's members take at each session, by its slug; a party not listed has seatsPerCity */
  seatsPerCityByParty: z.record(partySlug, z.number().int().min(0).max(100_000)).optional(),
});
export type CommonsFigures = z.infer<typeof commonsFigures>;

/** A figure a clause may set once for every party and per party where the directions differ. */
export type PartyFigure = 'placesPerYear' | 'entrantsPerCity' | 'seatsPerCity';

/**
 * Each figure's per-party map and the one kind of section that may carry it. placesPerYear is keyed
 * by the GRANTING party (the host); entrants and seats by the party whose members take the places.
 */
export const PER_PARTY_FIGURES = {
  placesPerYear: { byParty: 'placesPerYearByHost', kind: 'recuperation' },
  entrantsPerCity: { byParty: 'entrantsPerCityByParty', kind: 'contest' },
  seatsPerCity: { byParty: 'seatsPerCityByParty', kind: 'programme' },
} as const satisfies Record<PartyFigure, { byParty: keyof CommonsFigures; kind: JointKind }>;

/** A party's own figure: its entry in the per-party map, else the single figure (undefined: neither set). */
export function figureOf(figures: CommonsFigures, figure: PartyFigure, partySlug: string): number | undefined {
  return figures[PER_PARTY_FIGURES[figure].byParty]?.[partySlug] ?? figures[figure];
}

/** Whether the section sets a per-party figure (then the directions may differ and each party is named). */
export const hasPartyFigures = (figures: CommonsFigures, figure: PartyFigure) => Object.keys(figures[PER_PARTY_FIGURES[figure].byParty] ?? {}).length > 0;

/** The places per year `hostSlug` reserves for the other party's members under a recuperation section. */
export function placesGrantedBy(figures: CommonsFigures, hostSlug: string): number | undefined {
  return figureOf(figures, 'placesPerYear', hostSlug);
}

export const plannedItem = z.object({
  title: trimmed(1, 120),
  description: z.string().trim().max(2000).default(''),
  /** the party that leads the item: a federation slug among the parties */
  leadSlug: z.string().max(40),
  startDate: dateString.optional(),
  endDate: dateString.optional(),
});
export type PlannedItem = z.infer<typeof plannedItem>;

export const commonsSection = z.object({
  kind: jointKind,
  enabled: z.boolean(),
  summary: z.string().trim().max(4000).default(''),
  figures: commonsFigures.default({}),
  items: z.array(plannedItem).max(50).default([]),
});
export type CommonsSection = z.infer<typeof commonsSection>;

export const clause = z.object({
  /** stable across versions so clauses can be compared and commented on */
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  heading: trimmed(1, 120),
  /** rich text as limited HTML (p, strong, em, ul, ol, li, br); sanitised on the server */
  body: z.string().max(20_000),
});
export type Clause = z.infer<typeof clause>;

export const agreementContent = z
  .object({
    title: trimmed(2, 200),
    preamble: z.string().max(20_000).default(''),
    clauses: z.array(clause).max(100),
    termStart: dateString,
    termEnd: dateString,
    commons: z.array(commonsSection).max(5),
  })
  .refine((c) => c.termStart <= c.termEnd, { error: 'term_order', path: ['termEnd'] })
  .refine((c) => new Set(c.clauses.map((x) => x.key)).size === c.clauses.length, { error: 'duplicate_clause', path: ['clauses'] });
export type AgreementContent = z.infer<typeof agreementContent>;

export const partyDto = z.object({
  tenantId: z.string(),
  slug: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  role: z.enum(['initiator', 'party']),
  /** suspended on the platform: the agreement is read-only until it is reactivated */
  suspended: z.boolean(),
  signature: z
    .object({
      decision: z.enum(['signed', 'declined']),
      by: personRef,
      at: z.string(),
      reason: z.string().nullable(),
      contentHash: z.string(),
    })
    .nullable(),
});
export type PartyDto = z.infer<typeof partyDto>;

export const versionSummaryDto = z.object({
  id: z.string(),
  number: z.number(),
  createdAt: z.string(),
  createdBy: personRef,
  createdBySlug: z.string(),
  note: z.string(),
  contentHash: z.string().nullable(),
  frozen: z.boolean(),
});

export const agreementSummaryDto = z.object({
  id: z.string(),
  /** the human number, e.g. 杭甬合〔2026〕1号 (shown instead of the id) */
  number: z.string(),
  title: z.string(),
  status: agreementStatus,
  /** an active agreement with an amendment under way */
  amendment: z.enum(['negotiating', 'signing']).nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  parties: z.array(z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() })),
  updatedAt: z.string(),
});
export type AgreementSummaryDto = z.infer<typeof agreementSummaryDto>;

export const agreementDto = agreementSummaryDto.extend({
  initiatorSlug: z.string(),
  rowVersion: z.number(),
  parties: z.array(partyDto),
  /** the version being edited, negotiated or signed */
  currentVersion: versionSummaryDto.extend({ content: agreementContent }),
  /** the version in force (active agreements); differs from currentVersion during an amendment */
  inForceVersionId: z.string().nullable(),
  versions: z.array(versionSummaryDto),
  terminationReason: z.string().nullable(),
  /** what the caller may do now */
  can: z.object({
    edit: z.boolean(),
    openNegotiation: z.boolean(),
    sendForSignature: z.boolean(),
    sign: z.boolean(),
    reopen: z.boolean(),
    terminate: z.boolean(),
    amend: z.boolean(),
  }),
});
export type AgreementDto = z.infer<typeof agreementDto>;

export const agreementListInput = z.object({
  status: agreementStatus.optional(),
  partnerSlug: z.string().max(40).optional(),
});

export const agreementCreateInput = z.object({
  /** federation slugs of the other parties */
  partySlugs: z.array(z.string().max(40)).min(1).max(10),
  fromTemplate: z.enum(['twin-city-five-commons', 'blank']).default('twin-city-five-commons'),
  title: trimmed(2, 200).optional(),
  termStart: dateString.optional(),
  termEnd: dateString.optional(),
});

/** Saving a change makes a new version; baseVersionId guards against overwriting someone else's. */
export const agreementSaveInput = z.object({
  id: uuid,
  baseVersionId: uuid,
  content: agreementContent,
  note: z.string().trim().max(500).default(''),
});

export const agreementStepInput = z.object({ id: uuid, rowVersion });

export const signInput = z.object({
  id: uuid,
  versionId: uuid,
  /** the hash the signer was shown; must match the frozen version */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  password: z.string().min(1).max(200),
  idempotencyKey: z.string().min(8).max(100),
});
export const declineInput = z.object({
  id: uuid,
  versionId: uuid,
  reason: trimmed(2, 1000),
  idempotencyKey: z.string().min(8).max(100),
});
export const terminateInput = z.object({ id: uuid, rowVersion, reason: trimmed(2, 1000) });

export const versionCompareInput = z.object({ id: uuid, leftVersionId: uuid, rightVersionId: uuid });
export const clauseDiffDto = z.object({
  key: z.string(),
  change: z.enum(['same', 'changed', 'added', 'removed']),
  left: clause.nullable(),
  right: clause.nullable(),
});
export const versionCompareDto = z.object({
  left: versionSummaryDto,
  right: versionSummaryDto,
  fields: z.array(z.object({ field: z.string(), left: z.string(), right: z.string(), changed: z.boolean() })),
  clauses: z.array(clauseDiffDto),
  commons: z.array(z.object({ kind: jointKind, changed: z.boolean(), left: commonsSection.nullable(), right: commonsSection.nullable() })),
});

export const verifyDto = z.object({
  versionId: z.string(),
  storedHash: z.string().nullable(),
  recomputedHash: z.string(),
  matches: z.boolean(),
  signaturesMatch: z.boolean(),
});

export const commentDto = z.object({
  id: z.string(),
  versionId: z.string(),
  versionNumber: z.number(),
  clauseKey: z.string().nullable(),
  authorSlug: z.string(),
  author: personRef,
  addressedToSlug: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  /** the top-level comment this one answers; replies share its clause and its open/resolved state */
  parentId: z.string().nullable(),
  /** top-level comments only: when and by whom the thread was resolved (null while open) */
  resolvedAt: z.string().nullable(),
  resolvedBy: personRef.nullable(),
});
export type CommentDto = z.infer<typeof commentDto>;
export const commentInput = z.object({
  id: uuid,
  clauseKey: z.string().max(40).nullable().default(null),
  addressedToSlug: z.string().max(40).nullable().default(null),
  body: trimmed(1, 4000),
  /** answer this top-level comment (its clause is used; clauseKey is then ignored) */
  replyToId: uuid.nullable().default(null),
});
/** resolves a comment thread, or reopens it (resolved: false) */
export const resolveCommentInput = z.object({ id: uuid, commentId: uuid, resolved: z.boolean() });

/** The agreement PDF (signed text, signatures, certificate page), base64-encoded for the download route. */
export const agreementPdfDto = z.object({ filename: z.string(), base64: z.string() });

/**
 * The status as people read it (issue 16): an active agreement before its term starts is 待生效
 * (pending), after its term 已到期 (expired) — derived from the dates, never stored.
 */
export type AgreementShownStatus = AgreementStatus | 'pending';
export function agreementShownStatus(a: { status: AgreementStatus; termStart: string; termEnd: string }, today: string): AgreementShownStatus {
  if (a.status !== 'active') return a.status;
  if (today < a.termStart) return 'pending';
  if (today > a.termEnd) return 'expired';
  return 'active';
}
