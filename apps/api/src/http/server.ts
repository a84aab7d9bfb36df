import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { LARGE_BODY_PROCEDURES } from '@uc/contracts';
import { errorMessage } from '@uc/contracts/i18n';
import type { DbHandle } from '@uc/db';
import { requestEnv, type Env } from '../env.ts';
import { readCookie, readSessionInTx, SESSION_COOKIE, sessionCookie, settleSession, validateSessionToken, wellFormedToken } from '../modules/auth/index.ts';
import { appRouter } from '../router.ts';
import type { PendingSession, RequestCtx } from '../trpc.ts';
import { createCaller } from './caller.ts';
import { findDownload } from './downloads.ts';
import { lastMailTo, lastSmsTo } from './devSink.ts';
import { serveStatic } from './static.ts';
import { isDbUnavailable, RETRY_AFTER_SECONDS } from '../lib/dbErrors.ts';
import { rateActionOf } from '../rateLimit.ts';

const BODY_LIMIT = 1024 * 1024;
/** member, work-plan and nomination imports carry an .xlsx, attachment uploads a file (≤ 10 MB), as base64 */
const LARGE_BODY_PATHS = new Set<string>(LARGE_BODY_PROCEDURES);
const LARGE_BODY_LIMIT = 15 * 1024 * 1024;
const MAX_BATCH = 16;

export interface AppOptions {
  env: Env;
  db: DbHandle;
  now?: () => Date;
}

/** /healthz: the database answers `select 1` within 2 s, or 503 saying it is down */
async function health(res: ServerResponse, opts: AppOptions) {
  let timer: NodeJS.Timeout | undefined;
  const up = await Promise.race([
    opts.db.query('select 1').then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 2000))),
  ]);
  clearTimeout(timer);
  if (up) return sendJson(res, 200, { ok: true, db: opts.db.kind });
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  return sendJson(res, 503, { ok: false, db: 'down' });
}

function decodesCleanly(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function createApp(opts: AppOptions) {
  const now = opts.now ?? (() => new Date());
  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    // never framed (clickjacking), no plugins, no foreign <base>; a full script/style CSP for the SPA is still to come (decisions/0015)
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await route(req, res, opts, now, requestId);
    } catch (err) {
      if (isDbUnavailable(err)) {
        // the database is away (e.g. while validating the session): 503 with Retry-After
        console.warn(`[${requestId}] database unavailable: ${(err as Error).message}`);
        if (!res.headersSent) {
          res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
          sendJson(res, 503, { error: { code: 'UNAVAILABLE', message: errorMessage('UNAVAILABLE', localeOf(req)), data: { code: 'UNAVAILABLE', httpStatus: 503 } } });
        } else res.end();
        return;
      }
      console.error(`[${requestId}]`, err);
      if (!res.headersSent) sendJson(res, 500, { error: { message: errorMessage('INTERNAL', localeOf(req)), requestId } });
      else res.end();
    }
  };
}

async function route(req: IncomingMessage, res: ServerResponse, opts: AppOptions, now: () => Date, requestId: string) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // a malformed percent-encoding (/api/trpc/%E0%A4%A) is the client's mistake: 400, never a 500
  if (!decodesCleanly(url.pathname)) return sendJson(res, 400, { error: { code: 'BAD_INPUT', message: errorMessage('BAD_INPUT', localeOf(req)) } });
  if (url.pathname === '/healthz') return health(res, opts);
  if (url.pathname === '/__dev/sms' && opts.env.SMS_SINK === 'true') return sendJson(res, 200, await lastSmsTo(opts.db.db, url.searchParams.get('mobile') ?? ''));
  if (url.pathname === '/__dev/mail' && opts.env.SMS_SINK === 'true') return sendJson(res, 200, await lastMailTo(opts.db.db, url.searchParams.get('to') ?? ''));
  if (!url.pathname.startsWith('/api/')) return serveStatic(req, res, opts.env.WEB_DIST);

  const locale = localeOf(req);
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const refusal = csrfRefusal(req, opts.env);
    if (refusal) return sendJson(res, 403, { error: { code: 'CSRF', message: errorMessage('CSRF', locale), reason: refusal } });
  }

  // a tRPC call naming a federation reads its session inside the procedure's one transaction
  const defer = url.pathname.startsWith('/api/trpc/') && header(req, 'x-tenant') !== null;
  const ctx = await requestContext(req, opts, now, requestId, locale, defer);

  const download = findDownload(method, url.pathname);
  if (download) {
    // writeHead in the handler merges headers set here: a renewed session cookie is not lost on a download
    const cookies = ctx.resHeaders.getSetCookie();
    if (cookies.length) res.setHeader('Set-Cookie', cookies);
    return download.handle({ req, res, url, ctx, callerIn: (tenantSlug) => createCaller({ ...ctx, tenantSlug }) });
  }

  if (!url.pathname.startsWith('/api/trpc/')) return sendJson(res, 404, { error: { message: errorMessage('NOT_FOUND', locale) } });
  const procedures = decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',');
  // a file is rendered, and an upload read, in a request of its own: a batch of 16 PDFs once held
  // the event loop for seconds, and a batch of imports would hold several files' rows at once
  if (procedures.length > MAX_BATCH || (procedures.length > 1 && procedures.some((p) => rateActionOf(p) === 'file' || LARGE_BODY_PATHS.has(p)))) {
    return sendJson(res, 400, { error: { code: 'BAD_INPUT', message: errorMessage('BAD_INPUT', locale) } });
  }
  const limit = procedures.every((p) => LARGE_BODY_PATHS.has(p)) ? LARGE_BODY_LIMIT : BODY_LIMIT;

  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    body = await readBody(req, limit);
    if (!body) return sendJson(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: errorMessage('PAYLOAD_TOO_LARGE', locale) } });
  }
  const request = new Request(new URL(url.pathname + url.search, 'http://localhost'), {
    method,
    headers: req.headers as Record<string, string>,
    body: body && body.length ? new Uint8Array(body) : null,
  });
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => ctx,
    allowBatching: true,
  });
  ctx.resHeaders.forEach((v, k) => {
    if (k.toLowerCase() !== 'set-cookie') response.headers.set(k, v);
  });
  const cookies = ctx.resHeaders.getSetCookie();
  res.writeHead(response.status, [
    ...[...response.headers.entries()].flat(),
    ...cookies.flatMap((c) => ['Set-Cookie', c]),
    'X-Request-Id',
    requestId,
    'Cache-Control',
    'no-store',
  ]);
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function requestContext(req: IncomingMessage, opts: AppOptions, now: () => Date, requestId: string, locale: string, defer: boolean): Promise<RequestCtx> {
  const token = wellFormedToken(readCookie(req.headers.cookie ?? null, SESSION_COOKIE));
  const db = opts.db.db;
  const auth = token && !defer ? await validateSessionToken(db, token, now()) : null;
  const pendingSession: PendingSession | null =
    token && defer
      ? { read: (tx) => readSessionInTx(tx, token), settle: (tx, result, at) => settleSession(tx, token, result, at), validate: (at) => validateSessionToken(db, token, at) }
      : null;
  const tenant = header(req, 'x-tenant');
  const secure = isSecure(req, opts.env);
  const resHeaders = new Headers();
  // a session that slid forward gets its cookie again, or the browser would drop it at the old expiry
  const renewCookie = (a: { expiresAt: Date }) => resHeaders.append('Set-Cookie', sessionCookie(token!, a.expiresAt, secure));
  if (token && auth?.renewed) renewCookie(auth);
  return {
    pendingSession,
    onRenewed: renewCookie,
    db: opts.db.db,
    env: requestEnv(opts.env, header(req, 'host'), header(req, 'x-forwarded-proto')),
    requestId,
    ip: clientIp(req, opts.env),
    userAgent: header(req, 'user-agent'),
    tenantSlug: tenant && /^[a-z0-9-]{1,40}$/.test(tenant) ? tenant : null,
    locale: auth?.user.locale ?? locale,
    secure,
    auth,
    resHeaders,
    now,
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export function localeOf(req: IncomingMessage): string {
  const explicit = header(req, 'x-locale') ?? readCookie(req.headers.cookie ?? null, 'uc_locale');
  if (explicit === 'en' || explicit === 'zh-CN') return explicit;
  const accept = header(req, 'accept-language') ?? '';
  return /^en\b/i.test(accept) ? 'en' : 'zh-CN';
}

function clientIp(req: IncomingMessage, env: Env): string | null {
  if (env.TRUST_PROXY === 'true') {
    const fwd = header(req, 'x-forwarded-for');
    if (fwd) return fwd.split(',')[0]!.trim();
  }
  return req.socket.remoteAddress ?? null;
}

function isSecure(req: IncomingMessage, env: Env): boolean {
  if (env.TRUST_PROXY === 'true' && header(req, 'x-forwarded-proto') === 'https') return true;
  return env.publicUrl.startsWith('https://');
}

/**
 * CSRF (DESIGN §4): a state-changing request must be JSON and, when a browser says where it
 * came from, come from this origin. Browsers always send Origin or Sec-Fetch-Site on a
 * cross-site POST, so a request with neither is a non-browser client, which CSRF cannot reach.
 */
export function csrfRefusal(req: IncomingMessage, env: Env): string | null {
  const type = header(req, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return 'content-type';
  const site = header(req, 'sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return 'sec-fetch-site';
  const origin = header(req, 'origin');
  if (origin) {
    // X-Forwarded-Host is the proxy's word only when a proxy is trusted; otherwise any client could set it
    const host = (env.TRUST_PROXY === 'true' ? header(req, 'x-forwarded-host') : null) ?? header(req, 'host');
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return 'origin';
    }
    const publicHost = new URL(env.publicUrl).host;
    if (originHost !== host && originHost !== publicHost) return 'origin';
  }
  return null;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  const server = createServer(app);
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
