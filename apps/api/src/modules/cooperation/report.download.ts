import { registerDownload, sendFile, sendFromAnyParty, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/cooperation/<agreementId>/<year>/report.pdf|.xlsx: the annual report's files,
// through the cooperation.report.pdf/xlsx procedures (a non-party gets NOT_FOUND as there).

export const REPORT_FILE_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?cooperation\/([0-9a-fA-F-]{36})\/(\d{4})\/report\.(pdf|xlsx)$/;

export async function downloadReport(args: DownloadArgs): Promise<void> {
  const [, pathSlug, id, year, kind] = REPORT_FILE_PATH.exec(args.url.pathname) ?? [];
  await sendFromAnyParty(args, pathSlug, async (caller) => {
    const input = { agreementId: id ?? '', year: Number(year) };
    const file = kind === 'pdf' ? await caller.cooperation.report.pdf(input) : await caller.cooperation.report.xlsx(input);
    sendFile(args.res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  });
}

export function registerReportDownloads(): void {
  registerDownload({ method: 'GET', pattern: REPORT_FILE_PATH, handle: downloadReport });
}
