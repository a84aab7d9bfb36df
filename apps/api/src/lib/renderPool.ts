import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { AppError } from '../errors.ts';
import { canonicalJson } from './canonical.ts';
import type { RenderResult, RenderTask } from './render.worker.ts';
import type { SheetResult, SheetTask } from './sheet.worker.ts';
import type { SheetSpec } from './sheetWrite.ts';

// PDF rendering off the request thread (issue 14): one agreement PDF is 0.6–1 s of CPU, and
// sixteen in one batch delayed /healthz by seconds for every federation. A small Piscina pool
// (at most two threads, or one on a single core) draws them; its queue is bounded, and a full
// queue answers UNAVAILABLE (503, Retry-After) rather than growing without limit.
// In development and tests the API runs TypeScript through tsx: the workers load tsx the same way;
// from compiled JavaScript (dist/) the worker is the .js next to this file.

const here = import.meta.url;
const isTs = here.endsWith('.ts');
const workerFile = new URL(isTs ? './render.worker.ts' : './render.worker.js', here).href;
const sheetWorkerFile = new URL(isTs ? './sheet.worker.ts' : './sheet.worker.js', here).href;
/** tsx's ESM loader, resolved from this package (the process's cwd may be anywhere) */
const tsxLoader = () => pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/loader.mjs')).href;

export const RENDER_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** tasks waiting beyond the running ones; more is refused with UNAVAILABLE */
export const RENDER_QUEUE = 32;

let pool: Piscina | null = null;
function renderPool(): Piscina {
  if (pool) return pool;
  pool = new Piscina({
    filename: workerFile,
    minThreads: 0,
    maxThreads: RENDER_THREADS,
    maxQueue: RENDER_QUEUE,
    idleTimeout: 60_000,
    execArgv: isTs ? ['--import', tsxLoader()] : [],
    // a builder gone wrong must not take the API's memory with it
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  // once per pool (not per call: a listener each time leaked them); a thread dying between tasks must not throw in the process
  pool.on('error', () => {});
  return pool;
}

/** Renders counted by thread: tests check that the work ran off the main thread. */
export const renderStats = { tasks: 0, threads: new Set<number>() };

export async function renderPdf(task: RenderTask): Promise<Buffer> {
  let r: RenderResult;
  try {
    r = (await renderPool().run(task)) as RenderResult;
  } catch (e) {
    if (/queue is at limit/i.test(String((e as Error).message))) throw new AppError('UNAVAILABLE');
    throw e;
  }
  renderStats.tasks++;
  renderStats.threads.add(r.threadId);
  return Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
}

/** Stops the workers (shutdown, tests). */
export async function closeRenderPool(): Promise<void> {
  const p = pool;
  pool = null;
  const s = sheets;
  sheets = null;
  await Promise.all([p?.destroy(), s?.destroy()]);
}

// ---- uploaded workbooks, read in a pool of their own ----
// An upload is read in a worker thread whose heap is bounded (a file that needs more is refused,
// the thread dies alone) and within a time limit (the thread is stopped). The pool is apart from
// the PDF one: a worker that loads exceljs alone starts fast, and its heap limit is its own.

export const SHEET_LIMITS = {
  /** the heap of one reading thread */
  maxOldGenerationSizeMb: 256,
  /** a file still being read after this is refused and its thread stopped */
  timeoutMs: 30_000,
};

let sheets: Piscina | null = null;
function sheetPool(): Piscina {
  if (sheets) return sheets;
  sheets = new Piscina({
    filename: sheetWorkerFile,
    minThreads: 0,
    maxThreads: RENDER_THREADS,
    maxQueue: RENDER_QUEUE,
    idleTimeout: 60_000,
    execArgv: isTs ? ['--import', tsxLoader()] : [],
    resourceLimits: { maxOldGenerationSizeMb: SHEET_LIMITS.maxOldGenerationSizeMb },
  });
  // a thread that dies between tasks (out of memory while starting) must not throw in the process
  sheets.on('error', () => {});
  return sheets;
}

/** Changes the reading threads' limits (tests): the pool is started again with them. */
export async function setSheetLimits(limits: Partial<typeof SHEET_LIMITS>): Promise<void> {
  Object.assign(SHEET_LIMITS, limits);
  const s = sheets;
  sheets = null;
  await s?.destroy();
}

/** Reads counted by thread: tests check that the work ran off the main thread. */
export const sheetStats = { tasks: 0, threads: new Set<number>() };

/**
 * Runs a task in the sheet pool. A full queue is UNAVAILABLE (503); a thread out of memory or out
 * of time is BAD_INPUT xlsx_too_large (the file asked for more than any roster needs).
 */
export async function runSheetTask(task: SheetTask): Promise<SheetResult> {
  let r: SheetResult;
  try {
    r = (await sheetPool().run(task, { signal: AbortSignal.timeout(SHEET_LIMITS.timeoutMs) })) as SheetResult;
  } catch (e) {
    const err = e as { message?: string; code?: string; name?: string };
    if (/queue is at limit/i.test(String(err.message))) throw new AppError('UNAVAILABLE');
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory limit|out of memory/i.test(String(err.message)) || err.name === 'AbortError' || err.name === 'TimeoutError') {
      throw new AppError('BAD_INPUT', { reason: 'xlsx_too_large' });
    }
    throw e;
  }
  sheetStats.tasks++;
  sheetStats.threads.add(r.threadId);
  return r;
}

/** An export's workbook, written in the sheet pool from plain rows (a full queue is UNAVAILABLE). */
export async function renderXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  let r: SheetResult;
  try {
    r = (await sheetPool().run({ kind: 'write', sheets } satisfies SheetTask)) as SheetResult;
  } catch (e) {
    if (/queue is at limit/i.test(String((e as Error).message))) throw new AppError('UNAVAILABLE');
    throw e;
  }
  sheetStats.tasks++;
  sheetStats.threads.add(r.threadId);
  if (!('bytes' in r)) throw new Error('the sheet worker answered a write without a file');
  return Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
}

// ---- documents that never change: cached by the hash of what they show ----

const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;
export const cacheStats = { hits: 0, misses: 0 };

/**
 * A document whose content can no longer change (a signed agreement in force) is rendered once per
 * process and kept, keyed by the SHA-256 of its canonical content; least recently used goes first.
 */
export async function renderPdfCached(content: unknown, task: RenderTask): Promise<Buffer> {
  // through JSON first: Dates become their ISO text (canonicalJson alone would drop them)
  const key = createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(content)))).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cacheStats.hits++;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  cacheStats.misses++;
  const bytes = await renderPdf(task);
  cache.set(key, bytes);
  cachedBytes += bytes.length;
  for (const [k, v] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.length;
  }
  return bytes;
}
