import { z } from 'zod';
import { agreementStatus, jointKind } from './agreement.ts';
import { uuid } from './common.ts';
import { jointItemDto, jointItemStatus, projectPhase } from './jointItem.ts';
import { activityDto, attachmentDto, milestoneDto, milestoneStatus, progressUpdateDto } from './jointItemWork.ts';

// What the project-lead screens read: my items, an agreement's board and timeline, the item page,
// dashboards, and the work plan as Excel.

/** days ahead within which an open milestone counts as "due soon" */
export const DUE_SOON_DAYS = 14;

/** why the caller sees an item in "my items": responsible person on the lead side (the item's lead), on another side, or a milestone owner */
export const MY_ITEM_REASONS = ['lead', 'responsible', 'milestone_owner'] as const;

/**
 * One row of "my items": what the list shows and sorts by, not the whole item (200 full items
 * with their sides were 206 KB of JSON, issue 13); the item page loads the rest.
 */
export const myItemDto = jointItemDto.pick({
  id: true,
  agreementId: true,
  kind: true,
  title: true,
  leadSlug: true,
  status: true,
  progress: true,
  health: true,
  overdueMilestones: true,
  nextDueDate: true,
}).extend({
  /** the lead federation's names (zh-CN, en) */
  leadNameZh: z.string(),
  leadNameEn: z.string(),
  agreementTitle: z.string(),
  reasons: z.array(z.enum(MY_ITEM_REASONS)),
  /** open milestones due today … today + DUE_SOON_DAYS */
  dueSoonMilestones: z.number(),
  /** open milestones another party has confirmed in the current round and the caller's federation has not (待我方确认) */
  awaitingMyConfirmation: z.number(),
});
export type MyItemDto = z.infer<typeof myItemDto>;
/**
 * Items where the caller is a responsible person (on the lead side: the item's lead) or a milestone owner, across all
 * agreements of their federation, most urgent first: overdue milestones, then off track, at risk,
 * awaiting the caller's confirmation, due soon, then by the next due date.
 */
export const myItemsInput = z.object({ includeClosed: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(200) });

/** the agreement's board: its header (title, status, parties, what the caller may do), every item, plus counts per kind × status (all cells, zeros included) */
export const boardInput = z.object({ agreementId: uuid });
export const boardDto = z.object({
  agreementId: z.string(),
  agreement: z.object({
    id: z.string(),
    title: z.string(),
    status: agreementStatus,
    termStart: z.string(),
    termEnd: z.string(),
    parties: z.array(z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() })),
  }),
  /** like the item page's: mySlug and canWrite (add items, import the work plan) */
  permissions: z.object({ mySlug: z.string(), canWrite: z.boolean() }),
  items: z.array(jointItemDto),
  cells: z.array(z.object({ kind: jointKind, status: jointItemStatus, count: z.number() })),
});
export type BoardDto = z.infer<typeof boardDto>;

export const timelineDto = z.object({
  agreementId: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  /** today in Asia/Shanghai, for the "today" line */
  today: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: jointKind,
      title: z.string(),
      status: jointItemStatus,
      phase: projectPhase.nullable(),
      startDate: z.string(),
      endDate: z.string(),
      percent: z.number(),
      milestones: z.array(z.object({ id: z.string(), title: z.string(), dueDate: z.string(), status: milestoneStatus, overdue: z.boolean() })),
    }),
  ),
});
export type TimelineDto = z.infer<typeof timelineDto>;

/** what the caller may do on this item (the API enforces it regardless) */
export const itemPermissionsDto = z.object({
  mySlug: z.string(),
  /** the agreement is active and the caller is a lead/admin of a party */
  canWrite: z.boolean(),
  /** canWrite and the caller's federation leads the item: core fields, status, milestones */
  canEditCore: z.boolean(),
});
export const itemPageDto = z.object({
  item: jointItemDto,
  agreement: z.object({ id: z.string(), title: z.string(), status: agreementStatus, termStart: z.string(), termEnd: z.string() }),
  milestones: z.array(milestoneDto),
  updates: z.array(progressUpdateDto),
  /** the latest 50; more through jointItem.activity */
  activity: z.array(activityDto),
  attachments: z.array(attachmentDto),
  permissions: itemPermissionsDto,
});
export type ItemPageDto = z.infer<typeof itemPageDto>;

// ---- dashboard ----

/** a label in both languages, so a panel from any module renders without touching the web catalogue */
export const labelDto = z.object({ zh: z.string(), en: z.string() });
export type LabelDto = z.infer<typeof labelDto>;
const keyed = z.object({ key: z.string(), label: labelDto });

/** The chart-agnostic shapes a panel may take; the web draws each with ECharts. */
export const panelViewDto = z.discriminatedUnion('type', [
  /** rows × columns of counts, e.g. kind × status (a stacked bar or heat map) */
  z.object({ type: z.literal('matrix'), rows: z.array(keyed), columns: z.array(keyed), values: z.array(z.array(z.number())) }),
  /** series over an x axis, e.g. health by week */
  z.object({ type: z.literal('series'), x: z.array(z.string()), series: z.array(keyed.extend({ values: z.array(z.number()) })) }),
  /** a short list, e.g. overdue milestones; link is an app path with {slug} for the viewer's federation */
  z.object({
    type: z.literal('list'),
    total: z.number(),
    rows: z.array(z.object({ id: z.string(), title: z.string(), subtitle: z.string(), date: z.string().nullable(), value: z.number().nullable(), link: z.string().nullable() })),
  }),
  /** a few figures, e.g. places used each way */
  z.object({ type: z.literal('stats'), stats: z.array(keyed.extend({ value: z.number(), unit: labelDto.nullable() })) }),
]);
export type PanelViewDto = z.infer<typeof panelViewDto>;

export const dashboardPanelDto = z.object({
  /** stable id, e.g. 'items.kind_status', 'recuperation.places' */
  key: z.string(),
  /** the module that provides it: 'items', 'recuperation', 'contests', … */
  module: z.string(),
  title: labelDto,
  view: panelViewDto,
});
export type DashboardPanelDto = z.infer<typeof dashboardPanelDto>;

export const DASHBOARD_SCOPES = ['federation', 'agreement'] as const;
export const dashboardScope = z.enum(DASHBOARD_SCOPES);
export type DashboardScope = z.infer<typeof dashboardScope>;
/** scope federation: every agreement the caller's federation is party to; agreement: that one (agreementId required) */
export const dashboardInput = z
  .object({
    scope: dashboardScope,
    agreementId: uuid.optional(),
    weeks: z.number().int().min(4).max(52).default(12),
    /** only the panels of these modules (e.g. ['items']); all when omitted */
    modules: z.array(z.string().max(40)).max(20).optional(),
  })
  .refine((v) => (v.scope === 'agreement') === Boolean(v.agreementId), { error: 'invalid_value', path: ['agreementId'] });
export const dashboardDto = z.object({ scope: dashboardScope, agreementId: z.string().nullable(), today: z.string(), panels: z.array(dashboardPanelDto) });
export type DashboardDto = z.infer<typeof dashboardDto>;

// ---- Excel work plan ----

export const WORK_PLAN_COLUMNS = ['序号', '项目名称', '类别', '牵头单位', '责任人(双方)', '时间节点', '进展情况', '状态', '项目内容'] as const;
export const workPlanExportInput = z.object({ agreementId: uuid });
export const workPlanFileDto = z.object({ filename: z.string(), base64: z.string() });
export const workPlanImportInput = z.object({ agreementId: uuid, fileBase64: z.string().min(1).max(14_000_000) });
export const workPlanImportDto = z.object({
  ok: z.boolean(),
  imported: z.number(),
  totalRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() })),
});
export type WorkPlanImportDto = z.infer<typeof workPlanImportDto>;
