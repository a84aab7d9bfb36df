import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { errorMessage } from '@uc/contracts/i18n';
import type { ErrorCode } from '@uc/contracts';
import { AppError } from '../errors.ts';
import { toTrpcError, type RequestCtx } from '../trpc.ts';
import type { Caller } from './caller.ts';

/**
 * File downloads (Excel, PDF) are plain GETs so a link or <a download> works with the session
 * cookie. Each goes through a tRPC procedure via the caller, so tenancy and roles are checked
 * exactly as for the API. Modules register their routes (their `*.download.ts`, called from the
 * module's register()); the server asks this registry, and imports no module's handler.
 */

export interface DownloadArgs {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  ctx: RequestCtx;
  /** the API as the signed-in user, acting in the federation with this slug */
  callerIn(tenantSlug: string | null): Caller;
}

export interface DownloadRoute {
  method: 'GET';
  pattern: RegExp;
  handle(args: DownloadArgs): Promise<void>;
}

const routes: DownloadRoute[] = [];

export function registerDownload(route: DownloadRoute): void {
  if (routes.some((r) => r.method === route.method && r.pattern.source === route.pattern.source)) throw new Error(`download ${route.pattern} is registered twice`);
  routes.push(route);
}

/** The registered route for this request, if any. */
export function findDownload(method: string, pathname: string): DownloadRoute | undefined {
  return routes.find((r) => r.method === method && r.pattern.test(pathname));
}

/**
 * Content-Disposition for a file name in any script (issue 16): an ASCII fallback `filename="…"` for
 * old clients, then RFC 5987 / RFC 6266 `filename*=UTF-8''…`, percent-encoding every byte outside
 * attr-char (encodeURIComponent leaves ' ( ) * ! unencoded, and ' ends the language tag).
 */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_').trim() || 'file';
  const extended = encodeURIComponent(filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${extended}`;
}

export function sendFile(res: ServerResponse, file: { bytes: Buffer; contentType: string; filename: string }) {
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': contentDisposition('attachment', file.filename),
    'Cache-Control': 'no-store',
  });
  res.end(file.bytes);
}

/** The failure as JSON with its HTTP status: a procedure's error (or an AppError) as the API answers it; anything else 500. */
export function sendDownloadError(res: ServerResponse, err: unknown, locale: string) {
  if (err instanceof AppError) err = toTrpcError(err);
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

function isCode(e: unknown, ...codes: string[]): boolean {
  return e instanceof TRPCError && codes.includes(e.cause instanceof AppError ? e.cause.code : e.code);
}

/**
 * For a file that belongs to an agreement, addressed with or without a federation: with one (the
 * path's, else X-Tenant's) `send` runs there; without, in each of the user's federations in turn
 * until one is a party. A user none of whose federations is a party gets NOT_FOUND, exactly like
 * a missing id; any other failure is the answer.
 */
export async function sendFromAnyParty(args: DownloadArgs, pathSlug: string | undefined, send: (caller: Caller) => Promise<void>): Promise<void> {
  const { ctx, res } = args;
  const explicit = pathSlug ?? ctx.tenantSlug;
  const slugs = explicit ? [explicit] : ctx.auth ? ((await args.callerIn(ctx.tenantSlug).auth.me())?.memberships.map((m) => m.slug) ?? []) : [];
  let failure: unknown = null;
  for (const slug of slugs) {
    try {
      return await send(args.callerIn(slug));
    } catch (e) {
      failure = e;
      // another of the user's federations may be the party; any other error is the answer
      if (explicit || !isCode(e, 'NOT_FOUND', 'FORBIDDEN')) break;
    }
  }
  if (!ctx.auth) failure = new AppError('UNAUTHORIZED');
  else if (!explicit) failure = failure && !isCode(failure, 'NOT_FOUND', 'FORBIDDEN') ? failure : new AppError('NOT_FOUND');
  sendDownloadError(res, failure, ctx.locale);
}
