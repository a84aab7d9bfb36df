/** Plain GET links (the session cookie authorises them), so the browser downloads the file itself. */
export interface MemberFilters {
  q?: string | undefined;
  orgUnitId?: string | undefined;
  honour?: string | undefined;
}

export function memberExportUrl(tenant: string, filters: MemberFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString();
  return `/api/t/${encodeURIComponent(tenant)}/members/export.xlsx${query ? `?${query}` : ''}`;
}

export function memberTemplateUrl(tenant: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/members/import-template.xlsx`;
}

/** The dashboard's figures, one sheet per panel, for the federation or one agreement. */
export function dashboardExportUrl(tenant: string, scope: { agreementId?: string | undefined; weeks?: number | undefined }): string {
  const params = new URLSearchParams();
  if (scope.agreementId) params.set('agreementId', scope.agreementId);
  if (scope.weeks) params.set('weeks', String(scope.weeks));
  const query = params.toString();
  return `/api/t/${encodeURIComponent(tenant)}/dashboard.xlsx${query ? `?${query}` : ''}`;
}

/** The audit log as the filters show it, as Excel (admins). */
export function auditExportUrl(tenant: string, filters: { type?: string | undefined; from?: string | undefined; to?: string | undefined }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString();
  return `/api/t/${encodeURIComponent(tenant)}/audit/export.xlsx${query ? `?${query}` : ''}`;
}

/** The joint items of all the federation's agreements, one sheet per agreement. */
export function allItemsExportUrl(tenant: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/joint-items.xlsx`;
}

/** an event's files (报名名单, 评分表, 成绩公示表 as Excel or PDF; 理论成绩导入表): GET /api/t/<slug>/contests/events/<id>/<kind>.<format> */
export function contestFileUrl(tenant: string, eventId: string, kind: 'roster' | 'scores' | 'results' | 'theory-template', format: 'xlsx' | 'pdf' = 'xlsx'): string {
  return `/api/t/${encodeURIComponent(tenant)}/contests/events/${encodeURIComponent(eventId)}/${kind}.${kind === 'theory-template' ? 'xlsx' : format}`;
}

/** the list a party fills in to enter many of its members for a contest event */
export function contestEntryTemplateUrl(tenant: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/contests/entry-template.xlsx`;
}

/** the list staff fill in to nominate many of their members for a programme session */
export function programmeNominationTemplateUrl(tenant: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/programmes/nomination-template.xlsx`;
}
