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
}
