import { registerDownload, sendFile, sendFromAnyParty, type DownloadArgs } from '../../http/downloads.ts';

// GET /api/t/<slug>/agreements/<id>/pdf, and GET /api/agreements/<id>/pdf (the address the issue
// names). The second takes the federation from X-Tenant, else tries the user's federations in
// order and answers with the first that is a party; a user none of whose federations is a party
// gets NOT_FOUND, exactly as a non-party does on the first path.

export const AGREEMENT_PDF_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?agreements\/([0-9a-fA-F-]{36})\/pdf$/;

export async function downloadAgreementPdf(args: DownloadArgs): Promise<void> {
  const [, pathSlug, id] = AGREEMENT_PDF_PATH.exec(args.url.pathname) ?? [];
  await sendFromAnyParty(args, pathSlug, async (caller) => {
    const file = await caller.agreement.pdf({ id: id ?? '' });
    sendFile(args.res, { bytes: Buffer.from(file.base64, 'base64'), contentType: 'application/pdf', filename: file.filename });
  });
}

export function registerAgreementDownloads(): void {
  registerDownload({ method: 'GET', pattern: AGREEMENT_PDF_PATH, handle: downloadAgreementPdf });
}
