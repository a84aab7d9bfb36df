import { AppError } from '../../errors.ts';
import { registerDownload } from '../../http/downloads.ts';
import { storedFileHandler } from '../../http/storedFile.ts';
import { toTrpcError } from '../../trpc.ts';

// Case documents as files (decision 0053), served by the one file store's GET sender:
// GET /api/rights/documents/<id>[?download=1] — the owner's own document (rightsCase.document);
// GET /api/referrals/<referral>/documents/<id> — a shared document through a referral
// (referral.document: the performer only while the consent holds; every read logged). A refused read
// is committed to the log and answered NOT_FOUND here. Both also under /api/t/<slug>/.

export const OWN_DOCUMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?rights\/documents\/([0-9a-fA-F-]{36})$/;
export const REFERRAL_DOCUMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?referrals\/([0-9a-fA-F-]{36})\/documents\/([0-9a-fA-F-]{36})$/;

export function registerRightsDownloads(): void {
  registerDownload({ method: 'GET', pattern: OWN_DOCUMENT_PATH, handle: storedFileHandler(OWN_DOCUMENT_PATH, (caller, [id]) => caller.rightsCase.document({ id: id! })) });
  registerDownload({
    method: 'GET',
    pattern: REFERRAL_DOCUMENT_PATH,
    handle: storedFileHandler(REFERRAL_DOCUMENT_PATH, async (caller, [id, documentId]) => {
      const read = await caller.referral.document({ id: id!, documentId: documentId! });
      if (read.access !== 'granted' || !read.contentType) throw toTrpcError(new AppError('NOT_FOUND'));
      return { filename: read.filename, contentType: read.contentType, base64: read.base64 };
    }),
  });
}
