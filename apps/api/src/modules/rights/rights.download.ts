import { AppError } from '../../errors.ts';
import { registerDownload } from '../../http/downloads.ts';
import { storedFileHandler } from '../../http/storedFile.ts';
import { toTrpcError } from '../../trpc.ts';

// Case documents as files (decision 0053), served by the one file store's GET sender:
// GET /api/rights/documents/<id>[?download=1] — the owner's own document (rightsCase.document);
// GET /api/referrals/<referral>/documents/<id> — a shared document through a referral
// (referral.document: the performer only while the consent holds; every read logged). A refused read
// is committed to the log and answered NOT_FOUND here. Both also under /api/t/<slug>/.
// Decision 0056: GET /api/rights/consents/<consent>/form, /api/referrals/<referral>/consent-form and
// /api/referrals/<referral>/thread/<file>, the same way.

export const OWN_DOCUMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?rights\/documents\/([0-9a-fA-F-]{36})$/;
export const REFERRAL_DOCUMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?referrals\/([0-9a-fA-F-]{36})\/documents\/([0-9a-fA-F-]{36})$/;

export const OWN_CONSENT_FORM_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?rights\/consents\/([0-9a-fA-F-]{36})\/form$/;
export const REFERRAL_CONSENT_FORM_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?referrals\/([0-9a-fA-F-]{36})\/consent-form$/;
export const THREAD_FILE_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?referrals\/([0-9a-fA-F-]{36})\/thread\/([0-9a-fA-F-]{36})$/;

/** a logged read through a referral: a refusal is committed to the log and answered NOT_FOUND here */
const granted = (read: { access: 'granted' | 'refused'; filename: string; contentType: string | null; base64: string }) => {
  if (read.access !== 'granted' || !read.contentType) throw toTrpcError(new AppError('NOT_FOUND'));
  return { filename: read.filename, contentType: read.contentType, base64: read.base64 };
};

export function registerRightsDownloads(): void {
  registerDownload({ method: 'GET', pattern: OWN_DOCUMENT_PATH, handle: storedFileHandler(OWN_DOCUMENT_PATH, (caller, [id]) => caller.rightsCase.document({ id: id! })) });
  registerDownload({
    method: 'GET',
    pattern: REFERRAL_DOCUMENT_PATH,
    handle: storedFileHandler(REFERRAL_DOCUMENT_PATH, async (caller, [id, documentId]) => {
      const read = await caller.referral.document({ id: id!, documentId: documentId! });
      return granted(read);
    }),
  });
  // the signed consent form (decision 0056): the owner's, and through a referral
  registerDownload({ method: 'GET', pattern: OWN_CONSENT_FORM_PATH, handle: storedFileHandler(OWN_CONSENT_FORM_PATH, (caller, [id]) => caller.rightsCase.consentForm({ id: id! })) });
  registerDownload({
    method: 'GET',
    pattern: REFERRAL_CONSENT_FORM_PATH,
    handle: storedFileHandler(REFERRAL_CONSENT_FORM_PATH, async (caller, [id]) => granted(await caller.referral.consentForm({ id: id! }))),
  });
  // a file on the referral's thread
  registerDownload({
    method: 'GET',
    pattern: THREAD_FILE_PATH,
    handle: storedFileHandler(THREAD_FILE_PATH, async (caller, [id, fileId]) => granted(await caller.referral.threadFile({ id: id!, fileId: fileId! }))),
  });
}
