import { XLSX_TYPE } from '../../lib/xlsx.ts';
import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/audit/statement.json: the signed head statement, through audit.statement
// (admins only, as there).

export const STATEMENT_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/audit\/statement\.json$/;

export async function downloadStatement(args: DownloadArgs): Promise<void> {
  const [, slug] = STATEMENT_PATH.exec(args.url.pathname) ?? [];
  try {
    const s = await args.callerIn(slug ?? null).audit.statement();
    const bytes = Buffer.from(`${JSON.stringify(s, null, 2)}\n`, 'utf8');
    sendFile(args.res, { bytes, contentType: 'application/json; charset=utf-8', filename: `audit-head-${s.statement.federationSlug}-${s.statement.seq}.json` });
  } catch (e) {
    sendDownloadError(args.res, e, args.ctx.locale);
  }
}

export function registerStatementDownload(): void {
  registerDownload({ method: 'GET', pattern: STATEMENT_PATH, handle: downloadStatement });
  registerDownload({ method: 'GET', pattern: AUDIT_XLSX_PATH, handle: downloadAuditXlsx });
}

// GET /api/t/<slug>/audit/export.xlsx?type=&from=&to=: the audit log as the filters show it, through
// audit.exportXlsx (admins only, as the page).
export const AUDIT_XLSX_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/audit\/export\.xlsx$/;

export async function downloadAuditXlsx(args: DownloadArgs): Promise<void> {
  const [, slug] = AUDIT_XLSX_PATH.exec(args.url.pathname) ?? [];
  const p = args.url.searchParams;
  try {
    const file = await args.callerIn(slug ?? null).audit.exportXlsx({ type: p.get('type') || undefined, from: p.get('from') || undefined, to: p.get('to') || undefined });
    sendFile(args.res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(args.res, e, args.ctx.locale);
  }
}
