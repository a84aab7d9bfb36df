import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';
import { storedFileHandler } from '../../http/storedFile.ts';

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

// GET /api/programme/materials/<id>[?download=1] (also under /api/t/<slug>/): an event's material,
// through programme.material.file (both parties' staff; members registered for the event).
export const MATERIAL_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?programme\/materials\/([0-9a-fA-F-]{36})$/;

// GET /api/t/<slug>/programmes/certificates/<eventId>.pdf — the member's own completion certificate;
// GET /api/t/<slug>/programmes/events/<eventId>/certificates/<homeTenantId>/<memberId>.pdf — staff, any one
// (decision 0057), through programme.certificate.minePdf / .pdf.
export const MY_CERTIFICATE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/programmes\/certificates\/([0-9a-fA-F-]{36})\.pdf$/;
export const CERTIFICATE_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/programmes\/events\/([0-9a-fA-F-]{36})\/certificates\/([0-9a-fA-F-]{36})\/([0-9a-fA-F-]{36})\.pdf$/;

async function downloadCertificate({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  try {
    const mine = MY_CERTIFICATE_PATH.exec(url.pathname);
    const any = CERTIFICATE_PATH.exec(url.pathname);
    const file = mine
      ? await callerIn(mine[1]!).programme.certificate.minePdf({ eventId: mine[2]! })
      : await callerIn(any![1]!).programme.certificate.pdf({ eventId: any![2]!, homeTenantId: any![3]!, memberId: any![4]! });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: file.contentType, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerProgrammeDownloads(): void {
  registerDownload({ method: 'GET', pattern: MY_CERTIFICATE_PATH, handle: downloadCertificate });
  registerDownload({ method: 'GET', pattern: CERTIFICATE_PATH, handle: downloadCertificate });
  registerDownload({ method: 'GET', pattern: MATERIAL_PATH, handle: storedFileHandler(MATERIAL_PATH, (caller, [id]) => caller.programme.material.file({ id: id! })) });
  registerDownload({ method: 'GET', pattern: NOMINATION_TEMPLATE_PATH, handle: downloadNominationTemplate });
}
