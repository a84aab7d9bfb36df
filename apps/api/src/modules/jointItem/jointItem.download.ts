import { registerDownload, sendDownloadError, sendFile, type DownloadArgs } from '../../http/downloads.ts';
import { storedFileHandler } from '../../http/storedFile.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';

// GET /api/joint-items/attachments/<id>[?download=1] (also under /api/t/<slug>/): the file with its
// own Content-Type, inline so images and PDFs preview in the browser. Without a slug the
// federation is X-Tenant's, else each of the user's federations is tried in turn; a user none of
// whose federations is a party gets NOT_FOUND, exactly like a missing id.
// GET /api/t/<slug>/agreements/<id>/work-plan.xlsx: the agreement's work plan.

export const ATTACHMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?joint-items\/attachments\/([0-9a-fA-F-]{36})$/;
export const WORK_PLAN_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/agreements\/([0-9a-fA-F-]{36})\/work-plan\.xlsx$/;

export const downloadAttachment = storedFileHandler(ATTACHMENT_PATH, (caller, [id]) => caller.jointItem.attachment.file({ id: id! }));

export async function downloadWorkPlan({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug, id] = WORK_PLAN_PATH.exec(url.pathname) ?? [];
  try {
    const file = await callerIn(slug ?? null).jointItem.exportWorkPlan({ agreementId: id ?? '' });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

// GET /api/t/<slug>/joint-items.xlsx: the joint items of all the federation's agreements (jointItem.exportAll)
export const ALL_ITEMS_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/joint-items\.xlsx$/;

export async function downloadAllItems({ res, url, ctx, callerIn }: DownloadArgs): Promise<void> {
  const [, slug] = ALL_ITEMS_PATH.exec(url.pathname) ?? [];
  try {
    const file = await callerIn(slug ?? null).jointItem.exportAll();
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

export function registerJointItemDownloads(): void {
  registerDownload({ method: 'GET', pattern: ALL_ITEMS_PATH, handle: downloadAllItems });
  registerDownload({ method: 'GET', pattern: ATTACHMENT_PATH, handle: downloadAttachment });
  registerDownload({ method: 'GET', pattern: WORK_PLAN_PATH, handle: downloadWorkPlan });
}
