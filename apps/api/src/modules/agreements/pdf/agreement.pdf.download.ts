import { TRPCError } from '@trpc/server';
import { createCaller } from '../../../http/caller.ts';
import { sendDownloadError, sendFile, type DownloadRoute } from '../../../http/downloads.ts';
import { AppError } from '../../../errors.ts';
import { toTrpcError } from '../../../trpc.ts';

// GET /api/t/<slug>/agreements/<id>/pdf, and GET /api/agreements/<id>/pdf (the address the issue
// names). The second takes the federation from X-Tenant, else tries the user's federations in
// order and answers with the first that is a party; a user none of whose federations is a party
// gets NOT_FOUND, exactly as a non-party does on the first path.

export const AGREEMENT_PDF_PATH = /^\/api\/(?:t\/([a-z0-9-]{1,40})\/)?agreements\/([0-9a-fA-F-]{36})\/pdf$/;

export async function downloadAgreementPdf({ res, url, ctx }: Parameters<DownloadRoute['handle']>[0]): Promise<void> {
  const [, pathSlug, id] = AGREEMENT_PDF_PATH.exec(url.pathname) ?? [];
  const explicit = pathSlug ?? ctx.tenantSlug;
  const slugs = explicit ? [explicit] : await membershipSlugs(ctx);
  let failure: unknown = null;
  for (const slug of slugs) {
    try {
      const file = await createCaller({ ...ctx, tenantSlug: slug }).agreement.pdf({ id: id ?? '' });
      return sendFile(res, { bytes: Buffer.from(file.base64, 'base64'), contentType: 'application/pdf', filename: file.filename });
    } catch (e) {
      failure = e;
      // another of the user's federations may be the party; any other error is the answer
      if (explicit || !isCode(e, 'NOT_FOUND', 'FORBIDDEN')) break;
    }
  }
  if (!ctx.auth) failure = toTrpcError(new AppError('UNAUTHORIZED'));
  else if (!explicit) failure = failure && !isCode(failure, 'NOT_FOUND', 'FORBIDDEN') ? failure : toTrpcError(new AppError('NOT_FOUND'));
  sendDownloadError(res, failure, ctx.locale);
}

async function membershipSlugs(ctx: Parameters<DownloadRoute['handle']>[0]['ctx']): Promise<string[]> {
  const me = await createCaller(ctx).auth.me();
  return me?.memberships.map((m) => m.slug) ?? [];
}

function isCode(e: unknown, ...codes: string[]): boolean {
  return e instanceof TRPCError && codes.includes(e.cause instanceof AppError ? e.cause.code : e.code);
}
