import { expect } from 'vitest';

// A small tRPC-over-HTTP client for tests where cookies and headers matter (no @trpc/client:
// these tests look at the raw responses).

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  /** the parsed body */
  body: unknown;
  /** result.data of a successful call */
  data: T;
  /** error of a failed call, as the client sees it */
  error: { message: string; data: { code: string; httpStatus: number; details: Record<string, unknown> } } | undefined;
  /** the Set-Cookie values of the response */
  cookies: string[];
}

export interface CallOptions {
  cookie?: string | null;
  headers?: Record<string, string>;
  /** a client IP, sent as X-Forwarded-For (the server must trust the proxy) */
  ip?: string;
  tenant?: string;
}

function headersFor(opts: CallOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...(opts.ip ? { 'x-forwarded-for': opts.ip } : {}),
    ...(opts.tenant ? { 'x-tenant': opts.tenant } : {}),
    ...opts.headers,
  };
}

async function toResult<T>(res: Response): Promise<HttpResult<T>> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const b = body as { result?: { data?: T }; error?: HttpResult['error'] };
  return { status: res.status, headers: res.headers, body, data: b?.result?.data as T, error: b?.error, cookies: res.headers.getSetCookie() };
}

export async function mutate<T = unknown>(base: string, path: string, input: unknown, opts: CallOptions = {}): Promise<HttpResult<T>> {
  const res = await fetch(`${base}/api/trpc/${path}`, {
    method: 'POST',
    headers: headersFor(opts, { 'content-type': 'application/json' }),
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return toResult<T>(res);
}

export async function query<T = unknown>(base: string, path: string, input?: unknown, opts: CallOptions = {}): Promise<HttpResult<T>> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/api/trpc/${path}${qs}`, { headers: headersFor(opts) });
  return toResult<T>(res);
}

/** The name=value part of the session cookie a response set. */
export function sessionCookieOf(r: HttpResult): string {
  const c = r.cookies.find((x) => x.startsWith('uc_session='));
  expect(c, 'a session cookie').toBeTruthy();
  return c!.split(';')[0]!;
}

/** The attributes of a Set-Cookie value, lower-cased names: { httponly: '', samesite: 'Lax', … } */
export function cookieAttributes(setCookie: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of setCookie.split(';').slice(1)) {
    const [k, ...v] = part.trim().split('=');
    out[k!.toLowerCase()] = v.join('=');
  }
  return out;
}

export function expectError(r: HttpResult, code: string, status?: number) {
  expect(r.error?.data.code, JSON.stringify(r.body)).toBe(code);
  if (status) expect(r.status).toBe(status);
}
