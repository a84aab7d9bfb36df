import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Types the web build pre-compresses (apps/web/vite.config.ts writes file.br and file.gz next to them). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** Encodings in the order we prefer them, with the suffix of the pre-compressed file. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings the client accepts (q > 0), from its Accept-Encoding header; `*` accepts any not named. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    named.set(name, q === undefined ? 1 : Number(q));
  }
  const star = named.get('*');
  const out = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? (star !== undefined ? star : 0);
    if (q > 0) out.add(name);
  }
  return out;
}

/**
 * Serves the built SPA; unknown paths get index.html so client routes load on refresh.
 * Hashed files under /assets are cached for a year (immutable); everything else (index.html) is
 * revalidated on each load. When the client accepts brotli or gzip and the build wrote a
 * pre-compressed copy, that copy is sent (Content-Encoding, Vary: Accept-Encoding).
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root)) file = join(root, 'index.html');
  let info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) {
    file = join(root, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('The web app is not built: run pnpm --filter @uc/web build');
  }
  const ext = extname(file);
  const immutable = file.startsWith(join(root, 'assets') + sep);
  const headers: Record<string, string> = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  let body = file;
  let size = info.size;
  if (COMPRESSIBLE.has(ext)) {
    headers.Vary = 'Accept-Encoding';
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    for (const { name, suffix } of ENCODINGS) {
      if (!accepted.has(name)) continue;
      const packed = await stat(file + suffix).catch(() => null);
      if (!packed?.isFile()) continue;
      body = file + suffix;
      size = packed.size;
      headers['Content-Encoding'] = name;
      break;
    }
  }
  headers['Content-Length'] = String(size);
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  createReadStream(body).pipe(res);
}
