import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/dashboard.xlsx[?agreementId=<id>][&weeks=12]: the dashboard's figures, one
// sheet per panel, through dashboard.exportXlsx (roles and tenancy checked as for the API).

export const DASHBOARD_XLSX_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/dashboard\.xlsx$/;

async function downloadDashboard({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = DASHBOARD_XLSX_PATH.exec(url.pathname) ?? [];
  const agreementId = url.searchParams.get('agreementId') ?? undefined;
  const weeks = Number(url.searchParams.get('weeks') ?? 12);
  try {
    const file = await callerIn(slug ?? null).dashboard.exportXlsx(agreementId ? { scope: 'agreement', agreementId, weeks } : { scope: 'federation', weeks });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function register(): void {
  registerDownload({ method: 'GET', pattern: DASHBOARD_XLSX_PATH, handle: downloadDashboard });
}
