import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { TrpcHttpClient, type Bench, type BenchOptions } from './lib/setup.ts';
import { percentile } from './lib/stats.ts';

// Lighthouse (issue 13, "Light pages") on the pages members and visitors open on their phones: the
// sign-in page, and the member's recuperation pages (the batches open to book, and the booking form
// of one of them), as member@hangzhou.demo. The API runs as the browser journeys run it
// (e2e/global-setup.ts): the built SPA served by the API, PGlite with the demo data, a free port on
// 127.0.0.1, in its own process so Lighthouse and the server do not share an event loop.
// Lighthouse's defaults: mobile form factor, simulated throttling (slow 4G, 4× CPU slowdown).
// Debian's Chromium, headless, with exactly the flags below, its calls beyond the loopback sent to a
// local proxy that refuses them: nothing leaves the machine (docs/decisions/0058-lighthouse-bench.md).
// Prints one line per page:
//   lighthouse[sign-in]: runs=3 performance=.. accessibility=.. best_practices=.. fcp_ms=.. lcp_ms=.. tbt_ms=.. cls=.. transfer_kb=.. external_requests=0
// each figure the median (nearest rank) over the runs. --iterations=N (default 3) runs each page N times.
// CHROME_PATH (default /usr/bin/chromium), BENCH_WEB_DIST (default apps/web/dist).

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DEFAULT_RUNS = 3;
/** BENCH_LIGHTHOUSE_DIR: where to keep each run's report (JSON, for the Lighthouse viewer) and the page's final screenshot */
const REPORT_DIR = process.env.BENCH_LIGHTHOUSE_DIR || '';
const TENANT = 'hangzhou';
const MEMBER = 'member@hangzhou.demo';
const DEMO_PASSWORD = 'UnionDemo2026';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const apiDir = join(repoRoot, 'apps/api');

interface Page {
  name: string;
  path: string;
  /** the session cookie, for a page behind sign-in */
  cookie?: string;
}

interface Figures {
  performance: number;
  accessibility: number;
  best_practices: number;
  fcp_ms: number;
  lcp_ms: number;
  tbt_ms: number;
  cls: number;
  transfer_kb: number;
  /** requests the page made to anything but the API on 127.0.0.1 (must stay 0) */
  external_requests: number;
  /** Lighthouse's measure of this machine's CPU at the time (BenchmarkIndex; ~1000+ on a quiet desktop, lower when loaded) */
  benchmark_index: number;
}

/** The scored accessibility and best-practices audits a page fails (what the score lost points on). */
function failing(lhr: Result): string {
  const ids = ['accessibility', 'best-practices'].map((c) => {
    const bad = (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1).map((r) => r.id);
    return `${c}(${bad.join(', ') || 'none'})`;
  });
  return ids.join(' ');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

interface Sink {
  proxy: string;
  /** what the browser tried to reach beyond the loopback, host by host, refused here */
  refused: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 that refuses everything. Chromium, even with the flags above, calls Google
 * by itself (accounts.google.com, update.googleapis.com, clients2.google.com, content-autofill and
 * optimizationguide-pa.googleapis.com: seen with strace, DNS queries leaving the machine). Given as
 * the browser's proxy through the environment (http_proxy, https_proxy, all_proxy; the flags stay
 * exactly as asked), those requests come here instead and are refused with 403, and no DNS query is
 * made (a proxied host is not resolved by the browser). Chromium never proxies 127.0.0.1, so the
 * pages still load from the API directly.
 */
async function refusingSink(): Promise<Sink> {
  const refused = new Map<string, number>();
  const note = (target: string) => {
    const host = target.replace(/:\d+$/, '');
    refused.set(host, (refused.get(host) ?? 0) + 1);
  };
  const server = createHttpServer((req, res) => {
    note(URL.canParse(req.url ?? '') ? new URL(req.url!).host : String(req.headers.host));
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    note(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    proxy: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// Ctrl-C reaches pnpm, which stops tsx with SIGTERM, which passes it on to this process: both mean "clean up and leave"
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const onStopSignals = (fn: () => void) => STOP_SIGNALS.forEach((s) => process.once(s, fn));
const offStopSignals = (fn: () => void) => STOP_SIGNALS.forEach((s) => process.off(s, fn));

interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Builds the SPA unless unchanged, starts the API on a fresh PGlite with the demo data (as the journeys' global setup does). */
async function startApi(): Promise<RunningApi> {
  const webDist = process.env.BENCH_WEB_DIST || join(repoRoot, 'apps/web/dist');
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-web.mjs'), '--out', webDist], { cwd: repoRoot, stdio: 'inherit' });
  const dataDir = await mkdtemp(join(tmpdir(), 'uc-lighthouse-'));
  const port = await freePort();
  // embedded PGlite whatever the shell has configured
  const { DATABASE_URL: _server, MIGRATION_DATABASE_URL: _owner, ...env } = process.env;
  const t0 = Date.now();
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: { ...env, NODE_ENV: 'development', WEB_DIST: webDist, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true' },
    // in this process group (node itself, no pnpm or tsx wrapper): Ctrl-C reaches it too and main.ts shuts down,
    // even when tsx had to kill this process before its own handler ran
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: string | null = null;
  const gone = new Promise<void>((r) =>
    api.once('exit', (code, signal) => {
      exited = `exit code ${code ?? signal}`;
      r();
    }),
  );
  const stop = async () => {
    if (exited === null && api.pid) {
      api.kill('SIGTERM');
      const timer = setTimeout(() => exited === null && api.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  // Ctrl-C while it starts: stop it and remove its data
  const interrupted = () => void stop().finally(() => process.exit(130));
  onStopSignals(interrupted);
  for (;;) {
    if (exited) {
      offStopSignals(interrupted);
      await stop();
      throw new Error(`the API stopped before it was ready: ${exited}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      offStopSignals(interrupted);
      await stop();
      throw new Error('the API did not answer /healthz within 240 s');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  offStopSignals(interrupted);
  console.log(`API on ${url} (PGlite, demo data) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { url, stop };
}

/** The member's pages: the batches open to book, and the booking form of an open batch she may book (else the first open one). */
async function memberPages(baseUrl: string): Promise<Page[]> {
  const client = new TrpcHttpClient(baseUrl);
  await client.signIn(MEMBER, DEMO_PASSWORD);
  const cookie = client.sessionCookie;
  const pages: Page[] = [{ name: 'member-recuperation', path: `/t/${TENANT}/recuperation`, cookie }];
  const batches = await client.withTenant(TENANT).query<{ id: string; code: string; verdict: { eligible: boolean } | null }[]>('recuperation.catalog.list', { openOnly: true });
  const batch = batches.find((b) => b.verdict?.eligible) ?? batches[0];
  if (batch) pages.push({ name: 'member-booking-form', path: `/t/${TENANT}/recuperation/batches/${batch.id}/book`, cookie });
  else console.log('no open batch for the member: the booking form is not measured');
  console.log(`member pages as ${MEMBER}: ${pages.map((p) => p.path).join(', ')}${batch ? ` (batch ${batch.code}${batch.verdict?.eligible ? ', bookable' : ', not bookable by her'})` : ''}`);
  return pages;
}

/** Requests to anything but the API (data:, blob: and the browser's own pages aside). */
function externalRequests(lhr: Result, origin: string): string[] {
  const items = (lhr.audits['network-requests']?.details as { items?: { url?: string }[] } | undefined)?.items ?? [];
  return items.map((i) => i.url ?? '').filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin);
}

function figures(lhr: Result, origin: string): Figures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    fcp_ms: Math.round(value('first-contentful-paint')),
    lcp_ms: Math.round(value('largest-contentful-paint')),
    tbt_ms: Math.round(value('total-blocking-time')),
    cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    transfer_kb: Math.round((value('total-byte-weight') / 1024) * 10) / 10,
    external_requests: externalRequests(lhr, origin).length,
    benchmark_index: Math.round(lhr.environment.benchmarkIndex),
  };
}

/** One command of the DevTools protocol to the browser itself (Node's WebSocket, to Chromium on 127.0.0.1). */
async function browserCommand(port: number, method: string, params: object = {}): Promise<void> {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const ws = new WebSocket(webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.onerror = () => reject(new Error(`DevTools ${method}: the connection failed`));
      ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, params }));
      ws.onmessage = (e) => {
        const msg = JSON.parse(String(e.data)) as { id?: number; error?: { message: string } };
        if (msg.id !== 1) return;
        if (msg.error) reject(new Error(`DevTools ${method}: ${msg.error.message}`));
        else resolve();
      };
    });
  } finally {
    ws.close();
  }
}

/**
 * The session as a cookie in the browser, as after signing in: Lighthouse keeps cookies between its
 * runs (it clears the HTTP cache, service workers and cache storage, not cookies). A Cookie extra
 * header does not do: the page writes its language cookie, and the browser's own Cookie header
 * then replaced the extra one (the page's next API call went out without the session).
 */
async function setSession(port: number, baseUrl: string, cookie: string | undefined): Promise<void> {
  await browserCommand(port, 'Storage.clearCookies');
  if (!cookie) return;
  const [name, value] = cookie.split('=') as [string, string];
  await browserCommand(port, 'Storage.setCookies', { cookies: [{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }] });
}

async function audit(port: number, baseUrl: string, page: Page, run: number): Promise<{ figures: Figures; failing: string }> {
  const url = `${baseUrl}${page.path}`;
  // every run starts from no cookies (the sign-in page as a first visit), plus the session for a member page
  await setSession(port, baseUrl, page.cookie);
  const flags: Flags = { port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const w of lhr.runWarnings) console.log(`  warning (${page.name}): ${w}`);
  // a lost session shows the sign-in page instead: that would measure the wrong page
  const shown = new URL(lhr.finalDisplayedUrl).pathname;
  if (shown !== page.path) throw new Error(`lighthouse on ${url} ended on ${shown}, not ${page.path} (was the session refused?)`);
  const failed = ((lhr.audits['network-requests']?.details as { items?: { url?: string; statusCode?: number }[] } | undefined)?.items ?? []).filter(
    (i) => (i.statusCode ?? 0) >= 400,
  );
  if (failed.length) throw new Error(`lighthouse on ${url}: ${failed.map((i) => `${i.statusCode} ${i.url}`).join(', ')}`);
  const external = externalRequests(lhr, baseUrl);
  if (external.length) console.log(`  ${page.name} requested outside the API: ${external.join(' ')}`);
  if (REPORT_DIR) {
    await mkdir(REPORT_DIR, { recursive: true });
    await writeFile(join(REPORT_DIR, `${page.name}-${run}.json`), JSON.stringify(lhr));
    const shot = (lhr.audits['final-screenshot']?.details as { data?: string } | undefined)?.data;
    if (shot) await writeFile(join(REPORT_DIR, `${page.name}-${run}.jpg`), Buffer.from(shot.replace(/^data:image\/\w+;base64,/, ''), 'base64'));
  }
  return { figures: figures(lhr, baseUrl), failing: failing(lhr) };
}

function median(runs: Figures[]): Figures {
  const keys = Object.keys(runs[0]!) as (keyof Figures)[];
  return Object.fromEntries(keys.map((k) => [k, percentile(runs.map((r) => r[k]).sort((a, b) => a - b), 50)])) as unknown as Figures;
}

const line = (name: string, runs: number, f: Figures) =>
  `lighthouse[${name}]: runs=${runs} ` +
  (Object.entries(f) as [string, number][]).map(([k, v]) => `${k}=${v}`).join(' ');

export const bench: Bench = {
  description: `Lighthouse (mobile, simulated throttling) in ${CHROME_PATH} on the sign-in page and the member's recuperation pages`,
  async run(opts: BenchOptions) {
    if (!existsSync(CHROME_PATH)) {
      console.log(`skipped: no Chromium at ${CHROME_PATH} (Debian: apt-get install chromium; or set CHROME_PATH)`);
      return;
    }
    const runs = opts.iterationsSet ? Math.max(1, opts.iterations) : DEFAULT_RUNS;
    const api = await startApi();
    const sink = await refusingSink();
    let chrome: chromeLauncher.LaunchedChrome | undefined;
    let external = 0;
    // Ctrl-C: Chromium runs detached (chrome-launcher kills it on SIGINT itself); stop the API and remove its data before leaving
    const interrupted = () => {
      chrome?.kill();
      void api.stop().finally(() => process.exit(130));
    };
    onStopSignals(interrupted);
    try {
      const pages: Page[] = [{ name: 'sign-in', path: '/login' }, ...(await memberPages(api.url))];
      // only these flags (chrome-launcher adds just --remote-debugging-port and --user-data-dir to a fresh temporary profile);
      // whatever is not on the loopback goes to the refusing sink
      const { HTTP_PROXY: _h, HTTPS_PROXY: _hs, ALL_PROXY: _a, NO_PROXY: _n, no_proxy: _np, ...env } = process.env;
      chrome = await chromeLauncher.launch({
        chromePath: CHROME_PATH,
        chromeFlags: CHROME_FLAGS,
        ignoreDefaultFlags: true,
        logLevel: 'error',
        envVars: { ...env, http_proxy: sink.proxy, https_proxy: sink.proxy, all_proxy: sink.proxy } as Record<string, string>,
      });
      const [l1, l5, l15] = loadavg();
      console.log(`runs per page: ${runs}; load average before: ${l1!.toFixed(2)} ${l5!.toFixed(2)} ${l15!.toFixed(2)}`);
      const results: { page: Page; figures: Figures[]; failing: string }[] = pages.map((page) => ({ page, figures: [], failing: '' }));
      // interleaved (round by round), so a burst of load on the machine falls on every page alike
      for (let i = 0; i < runs; i++) {
        for (const r of results) {
          const t0 = Date.now();
          const { figures: f, failing } = await audit(chrome.port, api.url, r.page, i + 1);
          r.figures.push(f);
          r.failing = failing;
          console.log(`  run ${i + 1}/${runs} ${r.page.name}: performance=${f.performance} lcp_ms=${f.lcp_ms} tbt_ms=${f.tbt_ms} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        }
      }
      const [a1, a5, a15] = loadavg();
      console.log(`load average after: ${a1!.toFixed(2)} ${a5!.toFixed(2)} ${a15!.toFixed(2)}`);
      for (const r of results) {
        const m = median(r.figures);
        external += Math.max(...r.figures.map((f) => f.external_requests));
        console.log(line(r.page.name, runs, m));
        console.log(`  ${r.page.name} fails (last run): ${r.failing}`);
      }
      const refused = [...sink.refused].map(([host, n]) => `${host}×${n}`).join(' ');
      console.log(`Chromium's own calls beyond the loopback, refused at the sink: ${refused || 'none'}`);
    } finally {
      offStopSignals(interrupted);
      chrome?.kill();
      await sink.close();
      await api.stop();
    }
    if (external > 0) {
      console.error('a page requested something outside the API on 127.0.0.1 (listed above)');
      process.exitCode = 1;
    }
  },
};
