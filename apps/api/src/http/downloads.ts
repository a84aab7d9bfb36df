import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { errorMessage } from '@uc/contracts/i18n';
import type { ErrorCode } from '@uc/contracts';
import type { RequestCtx } from '../trpc.ts';
import { AppError } from '../errors.ts';
import type { Caller } from './caller.ts';
import { downloadAgreementPdf } from '../modules/agreements/pdf/agreement.pdf.download.ts';
import { downloadMemberExport, downloadMemberTemplate } from '../modules/members/members.download.ts';
import { downloadRoster } from '../modules/recuperation/recuperation.download.ts';
import { downloadAttachment, downloadWorkPlan } from '../modules/jointItems/jointItem.download.ts';

export interface DownloadRoute {
  method: 'GET';
  pattern: RegExp;
  handle(args: { req: IncomingMessage; res: ServerResponse; url: URL; ctx: RequestCtx; caller: Caller }): Promise<void>;
}

/**
 * File downloads (Excel, PDF) are plain GETs so a link or <a download> works with the session
 * cookie. Each goes through a tRPC procedure via the caller, so tenancy and roles are checked
 * exactly as for the API. The tenant is the first path segment after /api/t/.
 */
export const downloadRoutes: DownloadRoute[] = [
  // agreement PDF, at /api/t/<slug>/… and /api/agreements/<id>/pdf (called lazily: the handler's module imports this one)
  { method: 'GET', pattern: /^\/api\/(?:t\/[a-z0-9-]{1,40}\/)?agreements\/[0-9a-fA-F-]{36}\/pdf$/, handle: (args) => downloadAgreementPdf(args) },
  // member roster (.xlsx) and the import template
  { method: 'GET', pattern: /^\/api\/t\/[a-z0-9-]{1,40}\/members\/export\.xlsx$/, handle: (args) => downloadMemberExport(args) },
  { method: 'GET', pattern: /^\/api\/t\/[a-z0-9-]{1,40}\/members\/import-template\.xlsx$/, handle: (args) => downloadMemberTemplate(args) },
  // recuperation: a batch's roster (.xlsx / .pdf, host staff) and the nomination template
  { method: 'GET', pattern: /^\/api\/t\/[a-z0-9-]{1,40}\/recuperation\/(?:batches\/[0-9a-fA-F-]{36}\/roster\.(?:xlsx|pdf)|nomination-template\.xlsx)$/, handle: (args) => downloadRoster(args) },
  // joint items: an attachment (inline preview) and an agreement's work plan (.xlsx); literals, as the handlers' module imports this one
  { method: 'GET', pattern: /^\/api\/(?:t\/[a-z0-9-]{1,40}\/)?joint-items\/attachments\/[0-9a-fA-F-]{36}$/, handle: (args) => downloadAttachment(args) },
  { method: 'GET', pattern: /^\/api\/t\/[a-z0-9-]{1,40}\/agreements\/[0-9a-fA-F-]{36}\/work-plan\.xlsx$/, handle: (args) => downloadWorkPlan(args) },
];

export function sendFile(res: ServerResponse, file: { bytes: Buffer; contentType: string; filename: string }) {
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'Cache-Control': 'no-store',
  });
  res.end(file.bytes);
}

export function sendDownloadError(res: ServerResponse, err: unknown, locale: string) {
  let code: ErrorCode = 'INTERNAL';
  let status = 500;
  if (err instanceof TRPCError) {
    status = getHTTPStatusCodeFromError(err);
    code = err.cause instanceof AppError ? err.cause.code : status === 400 ? 'BAD_INPUT' : status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL';
  } else {
    console.error(err);
  }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message: errorMessage(code, locale) } }));
}
