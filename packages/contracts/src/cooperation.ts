import { z } from 'zod';
import { uuid } from './common.ts';
import { labelDto } from './jointItemViews.ts';

// The cooperation of one agreement in one year (issue 15): each commons module's figures from a
// provider it registers (api modules/cooperation), shown as the agreement overview and frozen into
// the annual cooperation report (年度合作报告). docs/decisions/0021-cooperation-report.md.

export const COMMONS = ['items', 'recuperation', 'programme', 'contest', 'rights', 'mechanism'] as const;
export type Commons = (typeof COMMONS)[number];

export const cooperationYear = z.number().int().min(2000).max(2100);
export const cooperationInput = z.object({ agreementId: uuid, year: cooperationYear });
export type CooperationInput = z.infer<typeof cooperationInput>;

export const figureDto = z.object({ key: z.string(), label: labelDto, value: z.number(), unit: labelDto.nullable() });
export type FigureDto = z.infer<typeof figureDto>;

/** one way of a commons with directions: what the giving side allowed the other and how much was used (allowed null: no cap) */
export const directionDto = z.object({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  label: labelDto,
  allowed: z.number().nullable(),
  used: z.number(),
});
export type DirectionDto = z.infer<typeof directionDto>;

export const attentionDto = z.object({ key: z.string(), title: z.string(), detail: labelDto, link: z.string().nullable() });
export type AttentionDto = z.infer<typeof attentionDto>;

export const cooperationSectionDto = z.object({
  commons: z.enum(COMMONS),
  title: labelDto,
  figures: z.array(figureDto),
  directions: z.array(directionDto),
  highlights: z.array(z.string()),
  attention: z.array(attentionDto),
});
export type CooperationSectionDto = z.infer<typeof cooperationSectionDto>;

const partyDto = z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() });

export const cooperationOverviewDto = z.object({
  agreement: z.object({ id: z.string(), /** the human number (杭甬合〔2026〕1号); absent from reports frozen before numbers (0027) */ number: z.string().optional(), title: z.string(), status: z.string(), termStart: z.string().nullable(), termEnd: z.string().nullable(), parties: z.array(partyDto) }),
  year: z.number(),
  sections: z.array(cooperationSectionDto),
});
export type CooperationOverviewDto = z.infer<typeof cooperationOverviewDto>;

// The annual report: a draft regenerated from the providers until both parties confirm the same
// content hash; then frozen (the snapshot and its hash never change; verify recomputes).

export const REPORT_STATUSES = ['draft', 'frozen'] as const;
export const reportStatus = z.enum(REPORT_STATUSES);

export const reportTextInput = z.object({ agreementId: uuid, year: cooperationYear, problems: z.string().trim().max(4000), plans: z.string().trim().max(4000) });
export const reportCommentInput = z.object({ agreementId: uuid, year: cooperationYear, commentary: z.string().trim().min(1).max(4000) });
export const reportConfirmInput = z.object({ agreementId: uuid, year: cooperationYear, contentHash: z.string().regex(/^[0-9a-f]{64}$/) });

export const reportDto = z.object({
  id: z.string().nullable(),
  agreementId: z.string(),
  year: z.number(),
  status: reportStatus,
  /** the snapshot: the overview's sections, the texts and each party's commentary */
  content: z.object({
    overview: cooperationOverviewDto,
    problems: z.string(),
    plans: z.string(),
    commentary: z.array(z.object({ party: z.string(), text: z.string() })),
  }),
  contentHash: z.string(),
  confirmations: z.array(z.object({ party: z.string(), userLabel: z.string(), at: z.string(), contentHash: z.string() })),
  frozenAt: z.string().nullable(),
  permissions: z.object({ mySlug: z.string(), canEdit: z.boolean(), canConfirm: z.boolean() }),
});
export type ReportDto = z.infer<typeof reportDto>;

export const reportVerifyDto = z.object({ matches: z.boolean(), storedHash: z.string(), computedHash: z.string() });

export const federationReportInput = z.object({ year: cooperationYear });
export const federationReportDto = z.object({
  year: z.number(),
  agreements: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })),
  /** every figure of every agreement summed by commons and key */
  sections: z.array(z.object({ commons: z.enum(COMMONS), title: labelDto, figures: z.array(figureDto) })),
});
