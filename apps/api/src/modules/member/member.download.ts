import type { HONOUR_KINDS } from '@uc/contracts';
import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';

// GET /api/t/<slug>/members/export.xlsx?q=&orgUnitId=&honour=[&includeDescendants=false]
// GET /api/t/<slug>/members/import-template.xlsx
// The tenant is the path's; the procedures check membership and role as for any API call.

const EXPORT_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/members\/export\.xlsx$/;
const TEMPLATE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/members\/import-template\.xlsx$/;

export async function downloadMemberExport({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = EXPORT_PATH.exec(url.pathname) ?? [];
  const p = url.searchParams;
  try {
    const file = await callerIn(slug ?? null).member.exportXlsx({
      q: p.get('q') || undefined,
      orgUnitId: p.get('orgUnitId') || undefined,
      // validated by the procedure's input schema
      honour: (p.get('honour') || undefined) as (typeof HONOUR_KINDS)[number] | undefined,
      includeDescendants: p.get('includeDescendants') !== 'false',
    });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export async function downloadMemberTemplate({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = TEMPLATE_PATH.exec(url.pathname) ?? [];
  try {
    const file = await callerIn(slug ?? null).member.importTemplate();
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerMemberDownloads(): void {
  registerDownload({ method: 'GET', pattern: EXPORT_PATH, handle: downloadMemberExport });
  registerDownload({ method: 'GET', pattern: TEMPLATE_PATH, handle: downloadMemberTemplate });
}
