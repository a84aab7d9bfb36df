import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@uc/db';
import { startSmtpSink } from '../jobs/test/smtpSink.ts';

// The fault suite (issue 14), run by `pnpm test:faults` (scripts/test-faults.sh creates the cluster
// and always drops it). The API runs as a child process on that cluster — migrated as the owner,
// connected as uc_app, seeded with the demo data, as the README's start does on PostgreSQL — while
// four staff clients post joint-item progress updates without pause. Meanwhile: the database is
// restarted, stopped with -m immediate and started, and the API is killed with -9 in the middle of
// an outbox pass and started again. Checks:
//  - no acknowledged write lost; nothing committed behind an error answer; a request cut by the
//    kill, repeated with its idempotency key, leaves exactly one row
//  - no HTTP 500 at all; 503 answers carry Retry-After
//  - every federation's audit chain verifies (audit.verify)
//  - every queued email reaches the SMTP sink; one sent twice across the kill carries the same Message-ID
// The cluster comes as arguments from scripts/test-faults.sh (version, name, port). Prints one summary line.

const [pgVersion, cluster, portArg] = process.argv.slice(2);
const pgPort = Number(portArg);
if (!pgVersion || !cluster || !pgPort || pgPort === 5432) throw new Error('run through scripts/test-faults.sh (arguments: version cluster port; never 5432)');

const t0 = Date.now();
const DB = 'uc_faults';
const ownerUrl = `postgres://postgres@127.0.0.1:${pgPort}`;
const PASSWORD = 'UnionDemo2026';
const EMAILS = 120;
const SINK_DELAY_MS = 100;
const logFile = join(tmpdir(), `uc-faults-api-${process.pid}.log`);
const apiLog = createWriteStream(logFile);
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (m: string) => console.log(`[faults ${elapsed()}] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
};

const pgctl = (...args: string[]) => execFileSync('pg_ctlcluster', [pgVersion!, cluster, ...args], { stdio: 'inherit' });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

// ---- the SMTP sink: what it accepted, by Message-ID ----
const sink = await startSmtpSink({ delayMs: SINK_DELAY_MS });
const received = sink.received;
const smtpPort = Number(new URL(sink.url).port);

// ---- the API as a child process ----
const apiPort = await freePort();
const base = `http://127.0.0.1:${apiPort}`;
const mainTs = fileURLToPath(new URL('../main.ts', import.meta.url));
let api: ChildProcess | null = null;

function startApi(seed: boolean): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainTs], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      DATABASE_URL: `postgres://uc_app@127.0.0.1:${pgPort}/${DB}`,
      MIGRATION_DATABASE_URL: `${ownerUrl}/${DB}`,
      SEED_DEMO: seed ? 'true' : 'false',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_CONNECTIONS: '4',
      PUBLIC_URL: base,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(apiLog, { end: false });
  child.stderr!.pipe(apiLog, { end: false });
  return child;
}

async function healthz(): Promise<number> {
  try {
    const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function waitHealthy(what: string, limitMs = 120_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if ((await healthz()) === 200) return Date.now() - start;
    if (api && api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) while waiting for ${what}; log: ${logFile}`);
    await sleep(200);
  }
  throw new Error(`no healthy /healthz within ${limitMs / 1000} s after ${what}; log: ${logFile}`);
}

// ---- clients ----
interface Client {
  email: string;
  slug: string;
  cookie: string;
}

async function signIn(email: string): Promise<Client> {
  const res = await fetch(`${base}/api/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('uc_session='))!.split(';')[0]!;
  return { email, slug: email.split('@')[1]!.split('.')[0]!, cookie };
}

async function query<T>(c: Client, path: string, input: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/api/trpc/${path}${qs}`, { headers: { cookie: c.cookie, 'x-tenant': c.slug } });
  const body = (await res.json()) as { result?: { data: T } };
  if (!res.ok || !body.result) throw new Error(`${path}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

type Outcome = { kind: 'ok'; id: string } | { kind: 'status'; status: number; retryAfter: string | null } | { kind: 'refused' } | { kind: 'cut' };

async function post(c: Client, itemId: string, key: string): Promise<Outcome> {
  try {
    const res = await fetch(`${base}/api/trpc/jointItem.progress.post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie: c.cookie, 'x-tenant': c.slug },
      body: JSON.stringify({ itemId, health: 'on_track', text: key, idempotencyKey: key }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (res.status === 200) return { kind: 'ok', id: (JSON.parse(text) as { result: { data: { id: string } } }).result.data.id };
    if (res.status >= 500 && res.status !== 503) say(`HTTP ${res.status} for ${key}: ${text.slice(0, 300)}`);
    return { kind: 'status', status: res.status, retryAfter: res.headers.get('retry-after') };
  } catch (e) {
    // refused: the API was down, nothing sent; otherwise reset or timed out: killed mid-request, outcome unknown
    const code = (e as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'cut' };
  }
}

const acked = new Map<string, string>();
const refused = new Set<string>(); // answered with an error status: must have left nothing behind
const cut = new Set<string>(); // no answer at all: outcome unknown until repeated with the same key
const notSent = new Set<string>(); // connection refused (the API was down): must have left nothing behind
const statuses: Record<string, number> = {};
let requests = 0;
let missingRetryAfter = 0;
let stopped = false;

async function writer(c: Client, itemId: string) {
  for (let n = 0; !stopped; n++) {
    const key = `faults-${c.email}-${n}`;
    const out = await post(c, itemId, key);
    requests++;
    const label = out.kind === 'ok' ? '200' : out.kind === 'status' ? String(out.status) : out.kind === 'cut' ? 'cut' : 'refused';
    statuses[label] = (statuses[label] ?? 0) + 1;
    if (out.kind === 'ok') acked.set(key, out.id);
    else if (out.kind === 'cut') cut.add(key);
    else if (out.kind === 'refused') notSent.add(key);
    else {
      refused.add(key);
      if (out.status === 503 && !out.retryAfter) missingRetryAfter++;
    }
    // a client that got no answer or a 503 waits a little, as the web app does before a retry
    await sleep(out.kind === 'ok' ? 15 : 250);
  }
}

let exitCode = 0;
const owner = await createDb({ kind: 'postgres', url: `${ownerUrl}/postgres`, max: 1 });
await owner.query(`create database ${DB}`);
await owner.close();
try {
  api = startApi(true);
  const firstStart = await waitHealthy('the first start (migrations + demo data)', 150_000);
  say(`API up on ${base} in ${(firstStart / 1000).toFixed(1)} s (migrated and seeded on PostgreSQL ${pgVersion}, port ${pgPort})`);

  const leadHz = await signIn('lead@hangzhou.demo');
  const items = await query<{ id: string; agreementId: string }[]>(leadHz, 'jointItem.myItems', {});
  const itemId = items[0]!.id;
  const clients = [leadHz, ...(await Promise.all(['lead@ningbo.demo', 'admin@hangzhou.demo', 'admin@ningbo.demo'].map(signIn)))];
  const writers: Client[] = [];
  for (const c of clients) if ((await post(c, itemId, `faults-probe-${c.email}`)).kind === 'ok') writers.push(c);
  check(writers.length >= 2, `only ${writers.length} clients may post progress on item ${itemId}`);
  say(`${writers.length} writers on joint item ${itemId}`);
  const load = Promise.all(writers.map((c) => writer(c, itemId)));

  await sleep(4000);
  say('fault 1: pg_ctlcluster restart (fast shutdown)');
  pgctl('restart');
  say(`  healthy again after ${((await waitHealthy('the restart')) / 1000).toFixed(1)} s`);
  await sleep(3000);

  say('fault 2: pg_ctlcluster stop -m immediate, 3 s away, start');
  pgctl('stop', '-m', 'immediate');
  await sleep(1500);
  const downStatus = await healthz();
  check(downStatus === 503, `/healthz answered ${downStatus} while the database was away (want 503)`);
  await sleep(1500);
  pgctl('start');
  say(`  healthy again after ${((await waitHealthy('the hard stop')) / 1000).toFixed(1)} s`);
  await sleep(3000);

  say(`fault 3: ${EMAILS} emails queued, kill -9 of the API in the middle of the outbox pass`);
  const db = await createDb({ kind: 'postgres', url: `${ownerUrl}/${DB}`, max: 2 });
  // the demo data's own emails first: the kill must catch the pass in the middle of ours
  const quiet = Date.now();
  while (Date.now() - quiet < 30_000 && (await db.query<{ n: number }>(`select count(*)::int as n from outbox where status = 'pending'`))[0]!.n > 0) await sleep(200);
  const [hz] = await db.query<{ id: string }>(`select id from federation where slug = 'hangzhou'`);
  await db.query(
    `insert into outbox (tenant_id, to_email, subject, body_text)
     select $1, 'faults' || g || '@sink.test', '【工会协作平台】故障测试 ' || g, 'fault suite message ' || g from generate_series(1, $2::int) g`,
    [hz!.id, EMAILS],
  );
  const killAt = Date.now();
  // the pass records outcomes 50 at a time: killed after 10 of ours, those 10 went out unrecorded
  const oursSoFar = () => received.filter((r) => /^faults\d+@sink\.test$/.test(r.to.join(','))).length;
  while (oursSoFar() < 10 && Date.now() - killAt < 30_000) await sleep(20);
  check(oursSoFar() >= 10, `the outbox pass had sent ${oursSoFar()} emails 30 s after queueing (want ≥ 10 before the kill)`);
  const beforeKill = oursSoFar();
  api.kill('SIGKILL');
  await new Promise((r) => (api!.exitCode !== null || api!.signalCode ? r(null) : api!.once('exit', r)));
  say(`  killed after ${beforeKill} emails reached the sink; starting again`);
  api = startApi(false);
  say(`  healthy again after ${((await waitHealthy('the kill')) / 1000).toFixed(1)} s`);
  await sleep(3000);

  stopped = true;
  await load;
  // the requests cut by the kill or the outage, repeated with the same key: one row each
  const repeats = [...cut];
  await Promise.all(
    repeats.map(async (key) => {
      const c = writers.find((w) => key.startsWith(`faults-${w.email}-`))!;
      const out = await post(c, itemId, key);
      if (out.kind === 'ok') acked.set(key, out.id);
      else check(false, `repeating ${key} after recovery: ${JSON.stringify(out)}`);
    }),
  );
  say(`load stopped: ${requests} requests ${JSON.stringify(statuses)}; ${repeats.length} cut requests repeated`);

  // ---- checks ----
  const rows = await db.query<{ id: string; body: string }>(`select id, body from joint_item_update where body like 'faults-%' and body not like 'faults-probe-%'`);
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.body, [...(byKey.get(r.body) ?? []), r.id]);
  const lost = [...acked].filter(([key, id]) => !(byKey.get(key) ?? []).includes(id));
  const doubled = [...byKey].filter(([, ids]) => ids.length > 1);
  const behindError = [...refused, ...notSent].filter((key) => byKey.has(key));
  check(lost.length === 0, `${lost.length} acknowledged writes lost: ${lost.slice(0, 3).map(([k]) => k).join(', ')}`);
  check(doubled.length === 0, `${doubled.length} writes stored twice: ${doubled.slice(0, 3).map(([k]) => k).join(', ')}`);
  check(behindError.length === 0, `${behindError.length} writes committed behind an error answer: ${behindError.slice(0, 3).join(', ')}`);
  check(rows.length === acked.size, `${rows.length} rows for ${acked.size} acknowledged writes`);
  const http500 = Object.entries(statuses).filter(([s]) => /^5/.test(s) && s !== '503').reduce((n, [, v]) => n + v, 0);
  check(http500 === 0, `${http500} answers were a 5xx other than 503`);
  check(missingRetryAfter === 0, `${missingRetryAfter} 503 answers without Retry-After`);

  const verified: string[] = [];
  for (const email of ['admin@hangzhou.demo', 'admin@ningbo.demo', 'admin@shaoxing.demo']) {
    const c = await signIn(email);
    const v = await query<{ ok: boolean; checked: number; brokenAtSeq: number | null }>(c, 'audit.verify', undefined);
    check(v.ok, `${c.slug}'s audit chain does not verify (broken at ${v.brokenAtSeq})`);
    verified.push(`${c.slug} ${v.checked}`);
  }

  // every queued email delivered (the mailer's lease frees what the killed process held within 30 s)
  const mailStart = Date.now();
  let pending = EMAILS;
  while (Date.now() - mailStart < 60_000) {
    const [left] = await db.query<{ n: number }>(`select count(*)::int as n from outbox where to_email like 'faults%@sink.test' and status <> 'sent'`);
    pending = left!.n;
    if (!pending) break;
    await sleep(500);
  }
  await sleep(SINK_DELAY_MS * 3);
  const ours = received.filter((r) => /^faults\d+@sink\.test$/.test(r.to.join(',')));
  const idsByTo = new Map<string, Set<string>>();
  for (const r of ours) idsByTo.set(r.to.join(','), (idsByTo.get(r.to.join(',')) ?? new Set()).add(r.messageId));
  const twice = ours.length - idsByTo.size;
  check(pending === 0, `${pending} queued emails not sent 60 s after the kill`);
  check(idsByTo.size === EMAILS, `${idsByTo.size} of ${EMAILS} queued emails reached the sink`);
  const changedId = [...idsByTo].filter(([, ids]) => ids.size > 1 || [...ids].some((id) => !id));
  check(changedId.length === 0, `${changedId.length} emails sent again under another Message-ID`);
  check(twice > 0, 'no email was sent twice across the kill: the Message-ID check saw nothing (the kill came too late)');
  await db.close();

  const seconds = (Date.now() - t0) / 1000;
  check(seconds < 180, `the fault suite took ${seconds.toFixed(0)} s (limit 180)`);
  console.log(
    `faults: ${failures.length ? 'FAILED' : 'ok'} requests=${requests} acked=${acked.size} status_503=${statuses['503'] ?? 0} refused=${statuses.refused ?? 0} cut=${statuses.cut ?? 0} http_500=${http500} ` +
      `lost=${lost.length} behind_error=${behindError.length} doubled=${doubled.length} audit=[${verified.join(', ')}] ` +
      `emails=${idsByTo.size}/${EMAILS} sent_twice=${twice} (same Message-ID) seconds=${seconds.toFixed(0)}`,
  );
} catch (e) {
  failures.push(String((e as Error).stack ?? e));
} finally {
  stopped = true;
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await Promise.race([new Promise((r) => api!.once('exit', r)), sleep(5000)]);
    if (api.exitCode === null) api.kill('SIGKILL');
  }
  await sink.close();
  apiLog.end();
}
if (failures.length) {
  console.error(`test:faults FAILED (API log: ${logFile}):\n - ${failures.join('\n - ')}`);
  exitCode = 1;
}
process.exit(exitCode);
