import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/contests/events/<eventId>/(roster|scores|results).(xlsx|pdf) and theory-template.xlsx —
// the event's files, through the tRPC procedures, so visibility and roles are checked as for any API call.

export const CONTEST_FILE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/contests\/events\/([0-9a-fA-F-]{36})\/(roster\.xlsx|roster\.pdf|scores\.xlsx|scores\.pdf|results\.xlsx|results\.pdf|theory-template\.xlsx)$/;

export async function downloadContestFile({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug, eventId, name] = CONTEST_FILE_PATH.exec(url.pathname) ?? [];
  try {
    const caller = callerIn(slug ?? null);
    const event = caller.contest.event;
    const input = { eventId: eventId! };
    const files = {
      'roster.xlsx': event.rosterXlsx,
      'roster.pdf': event.rosterPdf,
      'scores.xlsx': event.scoresXlsx,
      'scores.pdf': event.scoresPdf,
      'results.xlsx': event.resultsXlsx,
      'results.pdf': event.resultsPdf,
      'theory-template.xlsx': caller.contest.theory.template,
    };
    const file = await files[name as keyof typeof files](input);
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

// GET /api/t/<slug>/contests/entry-template.xlsx — the list a party fills in to enter many members
export const ENTRY_TEMPLATE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/contests\/entry-template\.xlsx$/;

export async function downloadEntryTemplate({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = ENTRY_TEMPLATE_PATH.exec(url.pathname) ?? [];
  try {
    const file = await callerIn(slug ?? null).contest.registration.importTemplate();
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerContestDownloads(): void {
  registerDownload({ method: 'GET', pattern: CONTEST_FILE_PATH, handle: downloadContestFile });
  registerDownload({ method: 'GET', pattern: ENTRY_TEMPLATE_PATH, handle: downloadEntryTemplate });
}
