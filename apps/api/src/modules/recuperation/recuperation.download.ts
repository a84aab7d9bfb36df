import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/recuperation/batches/<id>/roster.xlsx | roster.pdf — the host's roster as a
// file; GET /api/t/<slug>/recuperation/nomination-template.xlsx — the list staff fill in.
// Through the tRPC procedures, so tenancy and roles are checked as for any API call.

export const ROSTER_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/recuperation\/(?:batches\/([0-9a-fA-F-]{36})\/roster\.(xlsx|pdf)|nomination-template\.xlsx)$/;

export async function downloadRoster({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug, batchId, format] = ROSTER_PATH.exec(url.pathname) ?? [];
  try {
    const caller = callerIn(slug ?? null).recuperation;
    const file = !batchId
      ? await caller.booking.nominationTemplate()
      : format === 'pdf'
        ? await caller.batch.rosterPdf({ batchId })
        : await caller.batch.rosterXlsx({ batchId });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerRecuperationDownloads(): void {
  registerDownload({ method: 'GET', pattern: ROSTER_PATH, handle: downloadRoster });
}
