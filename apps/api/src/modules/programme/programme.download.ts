import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/programmes/nomination-template.xlsx — the list staff fill in to nominate many of
// their members for a session, through the tRPC procedure, so roles are checked as for any API call.

export const NOMINATION_TEMPLATE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/programmes\/nomination-template\.xlsx$/;

export async function downloadNominationTemplate({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = NOMINATION_TEMPLATE_PATH.exec(url.pathname) ?? [];
  try {
    const file = await callerIn(slug ?? null).programme.registration.nominationTemplate();
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerProgrammeDownloads(): void {
  registerDownload({ method: 'GET', pattern: NOMINATION_TEMPLATE_PATH, handle: downloadNominationTemplate });
}
