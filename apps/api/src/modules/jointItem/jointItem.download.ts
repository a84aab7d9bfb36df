import type { ServerResponse } from 'node:http';
import { contentDisposition, registerDownload, sendDownloadError, sendFile, sendFromAnyParty, type DownloadArgs } from '../../http/downloads.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';

// GET /api/joint-items/attachments/<id>[?download=1] (also under /api/t/<slug>/): the file with its
// own Content-Type, inline so images and PDFs preview in the browser. Without a slug the
// federation is X-Tenant's, else each of the user's federations is tried in turn; a user none of
// whose federations is a party gets NOT_FOUND, exactly like a missing id.
// GET /api/t/<slug>/agreements/<id>/work-plan.xlsx: the agreement's work plan.

export const ATTACHMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?joint-items\/attachments\/([0-9a-fA-F-]{36})$/;
export const WORK_PLAN_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/agreements\/([0-9a-fA-F-]{36})\/work-plan\.xlsx$/;

export async function downloadAttachment(args: DownloadArgs): Promise<void> {
  const [, pathSlug, id] = ATTACHMENT_PATH.exec(args.url.pathname) ?? [];
  await sendFromAnyParty(args, pathSlug, async (caller) => {
    const file = await caller.jointItem.attachment.file({ id: id ?? '' });
    sendAttachment(args.res, Buffer.from(file.base64, 'base64'), file.contentType, file.filename, args.url.searchParams.get('download') === '1');
  });
}

const inline = (contentType: string) => contentType.startsWith('image/') || contentType === 'application/pdf';

function sendAttachment(res: ServerResponse, bytes: Buffer, contentType: string, filename: string, download: boolean) {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    // Word and Excel are never shown inline: a browser would only save them, or hand them to another program
    'Content-Disposition': contentDisposition(download || !inline(contentType) ? 'attachment' : 'inline', filename),
    // the type was checked against the file's signature at upload; never let a browser guess another
    'X-Content-Type-Options': 'nosniff',
    // an image needs nothing else; a PDF is left to the browser's viewer (a sandbox would block it)
    ...(contentType.startsWith('image/') ? { 'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" } : {}),
    'Cache-Control': 'private, no-store',
  });
  res.end(bytes);
}

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
