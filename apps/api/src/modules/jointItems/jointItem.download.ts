import type { ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { createCaller } from '../../http/caller.ts';
import { sendDownloadError, sendFile, type DownloadRoute } from '../../http/downloads.ts';
import { AppError } from '../../errors.ts';
import { toTrpcError } from '../../trpc.ts';
import { XLSX_TYPE } from '../members/members.xlsx.ts';

// GET /api/joint-items/attachments/<id>[?download=1] (also under /api/t/<slug>/): the file with its
// own Content-Type, inline so images and PDFs preview in the browser. Without a slug the
// federation is X-Tenant's, else each of the user's federations is tried in turn; a user none of
// whose federations is a party gets NOT_FOUND, exactly like a missing id.
// GET /api/t/<slug>/agreements/<id>/work-plan.xlsx: the agreement's work plan.

export const ATTACHMENT_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?joint-items\/attachments\/([0-9a-fA-F-]{36})$/;
export const WORK_PLAN_PATH = /^\/api\/t\/([a-z0-9-]{1,40})\/agreements\/([0-9a-fA-F-]{36})\/work-plan\.xlsx$/;

type Args = Parameters<DownloadRoute['handle']>[0];

export async function downloadAttachment({ res, url, ctx }: Args): Promise<void> {
  const [, pathSlug, id] = ATTACHMENT_PATH.exec(url.pathname) ?? [];
  const explicit = pathSlug ?? ctx.tenantSlug;
  let failure: unknown = null;
  const slugs = explicit ? [explicit] : ctx.auth ? ((await createCaller(ctx).auth.me())?.memberships.map((m) => m.slug) ?? []) : [];
  for (const slug of slugs) {
    try {
      const file = await createCaller({ ...ctx, tenantSlug: slug }).jointItem.attachment.file({ id: id ?? '' });
      return sendAttachment(res, Buffer.from(file.base64, 'base64'), file.contentType, file.filename, url.searchParams.get('download') === '1');
    } catch (e) {
      failure = e;
      if (explicit || !isCode(e, 'NOT_FOUND', 'FORBIDDEN')) break;
    }
  }
  if (!ctx.auth) failure = toTrpcError(new AppError('UNAUTHORIZED'));
  else if (!explicit) failure = failure && !isCode(failure, 'NOT_FOUND', 'FORBIDDEN') ? failure : toTrpcError(new AppError('NOT_FOUND'));
  sendDownloadError(res, failure, ctx.locale);
}

function sendAttachment(res: ServerResponse, bytes: Buffer, contentType: string, filename: string, download: boolean) {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(filename)}`,
    // the type was checked against the file's signature at upload; never let a browser guess another
    'X-Content-Type-Options': 'nosniff',
    // an image needs nothing else; a PDF is left to the browser's viewer (a sandbox would block it)
    ...(contentType.startsWith('image/') ? { 'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" } : {}),
    'Cache-Control': 'private, no-store',
  });
  res.end(bytes);
}

export async function downloadWorkPlan({ res, url, ctx }: Args): Promise<void> {
  const [, slug, id] = WORK_PLAN_PATH.exec(url.pathname) ?? [];
  try {
    const file = await createCaller({ ...ctx, tenantSlug: slug ?? null }).jointItem.exportWorkPlan({ agreementId: id ?? '' });
    sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: XLSX_TYPE, filename: file.filename });
  } catch (e) {
    sendDownloadError(res, e, ctx.locale);
  }
}

function isCode(e: unknown, ...codes: string[]): boolean {
  return e instanceof TRPCError && codes.includes(e.cause instanceof AppError ? e.cause.code : e.code);
}
