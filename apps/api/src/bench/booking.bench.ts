import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadBookingData, type BookingBenchData } from './booking.data.ts';
import { readFileSync } from 'node:fs';
import { chainHash, contentHashOf } from '../modules/audit/index.ts';
import { BOOK_FUNCTION, sqlBook } from './booking.sql.ts';
import { createBenchDatabase, rawSql, type Bench, type BenchOptions } from './lib/setup.ts';
import { percentile } from './lib/stats.ts';

// The morning a batch opens: `attempts` members book one 100-bed batch at once, spread over
// PROCESSES API processes (child processes running the real HTTP server, each with its own
// connection pool), then the same booking transaction in raw SQL on as many connections as the
// API processes have together, in the same run on the same server. Prints one line:
// booking-burst: attempts=… beds=… confirmed=… waitlisted=… oversold=… api_per_s=… sql_per_s=… ratio=… p99_ms=… api_cpu_ms=… db_cpu_ms=…
// (confirmed = beds held by the API run's bookings; oversold = beds held beyond capacity, any batch;
// api_cpu_ms = CPU of the API processes per booking, db_cpu_ms = CPU of their database backends per
// booking, both from /proc: user + system time, 10 ms ticks, summed over the burst).
// The SQL side is the best form of the same rules: one plpgsql function, one round trip (booking.sql.ts).

const PROCESSES = 3;
/**
 * Connections per API process (and, times PROCESSES, of the SQL run); BENCH_POOL overrides. Six
 * per process keep the one hot lock (the federation's audit head) busy; more only lengthen the
 * queue in front of it and the event-loop wait of the transaction holding it.
 */
const POOL = Number(process.env.BENCH_POOL ?? 6);
const BEDS = 100;

export const bench: Bench = {
  description: `${PROCESSES} API processes, one ${BEDS}-bed batch, every attempt at once; the same transaction in raw SQL`,
  async run(opts: BenchOptions) {
    const attempts = opts.scale ?? 2000;
    const db = await createBenchDatabase();
    const children: ChildProcess[] = [];
    try {
      const t0 = Date.now();
      const data = await loadBookingData(db.owner, attempts, BEDS);
      await db.owner.query(BOOK_FUNCTION);
      console.log(`database ${db.name}: ${attempts * 3} members loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const urls: string[] = [];
      for (let i = 0; i < PROCESSES; i++) {
        const { child, url } = await startServer(db.appUrl);
        children.push(child);
        urls.push(url);
      }
      console.log(`API processes: ${urls.join(' ')} (pool ${POOL} each)`);
      await warmUp(urls, data);

      // the SQL baseline before and after the API burst: a machine getting busier or quieter meanwhile skews neither side
      const sqlBefore = await sqlBurst(db.appUrl, data, 0, PROCESSES * POOL);
      const apiCpu0 = cpuMs(children.map((c) => c.pid!));
      const backends = async () => (await db.owner.query<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and usename <> current_user`, [db.name])).map((r) => r.pid);
      const dbPids0 = await backends();
      const dbCpu0 = new Map(dbPids0.map((p) => [p, cpuMs([p])]));
      const api = await apiBurst(urls, data);
      const apiCpu = cpuMs(children.map((c) => c.pid!)) - apiCpu0;
      const dbPids1 = await backends();
      const dbCpu = dbPids1.reduce((s, p) => s + cpuMs([p]) - (dbCpu0.get(p) ?? 0), 0);
      const sqlAfter = await sqlBurst(db.appUrl, data, 1, PROCESSES * POOL);
      console.log(
        `API burst ${api.seconds.toFixed(1)} s (p50 ${percentile(api.latencies, 50).toFixed(0)} ms, p99 ${percentile(api.latencies, 99).toFixed(0)} ms); ` +
          `SQL bursts ${sqlBefore.seconds.toFixed(1)} s before, ${sqlAfter.seconds.toFixed(1)} s after`,
      );
      const counts = await db.owner.query<{ batch_id: string; held: number; waitlisted: number; beds_taken: number; capacity: number }>(
        `select b.id as batch_id, p.taken as beds_taken, p.capacity,
           coalesce(sum(k.beds) filter (where k.status in ('offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show')), 0)::int as held,
           count(k.id) filter (where k.status = 'waitlisted')::int as waitlisted
         from recuperation_batch b join place_pool p on p.tenant_id = b.tenant_id and p.id = b.id
         left join recuperation_booking k on k.host_tenant_id = b.tenant_id and k.batch_id = b.id group by b.tenant_id, b.id, p.taken, p.capacity`,
      );
      const apiCounts = counts.find((c) => c.batch_id === data.apiBatchId)!;
      const sqlCounts = data.sqlBatchIds.map((id) => counts.find((c) => c.batch_id === id)!);
      const oversold = counts.reduce((s, c) => s + Math.max(0, c.held - c.capacity) + Math.max(0, c.beds_taken - c.capacity) + Math.abs(c.held - c.beds_taken), 0);
      if (api.failures.length) console.log(`API failures (${api.failures.length}): ${api.failures.slice(0, 3).join(' | ')}`);
      console.log(
        `API answers ${JSON.stringify(api.statuses)}; SQL outcomes ${JSON.stringify(sqlBefore.statuses)} / ${JSON.stringify(sqlAfter.statuses)}; ` +
          `SQL batches held ${sqlCounts.map((c) => `${c.held}+${c.waitlisted} waiting`).join(', ')}`,
      );
      const apiPerS = attempts / api.seconds;
      // the SQL side's audit events must be those the app would chain: seal, then recompute every
      // content hash and link (the SQL side's MAC is a stand-in: it holds no key)
      const events = await db.owner.tenant(data.home.id, async (q) => {
        await q(`select audit_seal($1::uuid, 1000000)`, [data.home.id]);
        return q<{ seq: string; id: string; at: Date; actor_user_id: string; actor_label: string; ip: string; type: string; entity_type: string; entity_id: string; data: unknown; prev_hash: string; hash: string; content_hash: string }>(
          `select * from audit_event where tenant_id = $1 order by seq`,
          [data.home.id],
        );
      });
      const badHashes = events.filter((e) => {
        const content = contentHashOf({ tenantId: data.home.id, id: e.id, at: new Date(e.at), actorUserId: e.actor_user_id, actorLabel: e.actor_label, ip: e.ip, type: e.type, entityType: e.entity_type, entityId: e.entity_id, data: e.data });
        return content !== e.content_hash || chainHash(e.prev_hash, Number(e.seq), content) !== e.hash;
      }).length;
      const broken = events.filter((e, i) => (i > 0 && e.prev_hash !== events[i - 1]!.hash) || Number(e.seq) !== i + 1).length;
      console.log(`audit chain: ${events.length} events (API and SQL), ${badHashes} bad hashes, ${broken} broken links; load average ${loadavg()}`);
      console.log(`API burst CPU: API processes ${apiCpu} ms, their database backends ${dbCpu} ms (${dbPids1.length} backends)`);
      const sqlPerS = (2 * attempts) / (sqlBefore.seconds + sqlAfter.seconds);
      console.log(
        `booking-burst: attempts=${attempts} beds=${BEDS} confirmed=${apiCounts.held} waitlisted=${apiCounts.waitlisted} oversold=${oversold} ` +
          `api_per_s=${apiPerS.toFixed(0)} sql_per_s=${sqlPerS.toFixed(0)} ratio=${(apiPerS / sqlPerS).toFixed(2)} p99_ms=${percentile(api.latencies, 99).toFixed(0)} ` +
          `api_cpu_ms=${(apiCpu / attempts).toFixed(2)} db_cpu_ms=${(dbCpu / attempts).toFixed(2)}`,
      );
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
      await db.drop();
      console.log(`dropped ${db.name}`);
    }
  },
};

async function startServer(appUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./booking.server.ts', import.meta.url));
  // BENCH_PROFILE=<dir>: each API process writes a V8 CPU profile there (where the time goes)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, appUrl, String(POOL)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    lines.on('line', (l) => {
      if (l.startsWith('READY ')) resolve(l.slice(6));
      else console.log(`[api] ${l}`);
    });
  });
  return { child, url };
}

/** connections per API process from the load generator (requests beyond them wait in the client); BENCH_SOCKETS overrides */
const agent = new Agent({ keepAlive: true, maxSockets: Number(process.env.BENCH_SOCKETS ?? 256) });

function post(url: string, path: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; body: string }> {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(data.length), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

function get(url: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Loads every module and opens connections in each process: the burst measures bookings, not start-up. */
async function warmUp(urls: string[], data: BookingBenchData) {
  for (const [i, url] of urls.entries()) {
    const m = data.apiMembers[i]!;
    const headers = { cookie: `uc_session=${m.token}`, 'x-tenant': data.home.slug };
    const input = encodeURIComponent(JSON.stringify({ batchId: data.apiBatchId }));
    for (let k = 0; k < 20; k++) {
      const status = await get(url, `/api/trpc/recuperation.catalog.batch?input=${input}`, headers);
      if (status !== 200) throw new Error(`warm-up failed on ${url}: HTTP ${status}`);
    }
  }
}

async function apiBurst(urls: string[], data: BookingBenchData) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  const t0 = performance.now();
  await Promise.all(
    data.apiMembers.map(async (m, i) => {
      const started = performance.now();
      const res = await post(urls[i % urls.length]!, '/api/trpc/recuperation.booking.book', { cookie: `uc_session=${m.token}`, 'x-tenant': data.home.slug }, {
        batchId: data.apiBatchId,
        companions: [],
        consent: { accepted: true, shareMobile: false },
        idempotencyKey: `burst-${m.memberId}`,
      });
      latencies.push(performance.now() - started);
      if (res.status !== 200) {
        failures.push(`HTTP ${res.status} ${res.body.slice(0, 200)}`);
        return;
      }
      const status = (JSON.parse(res.body) as { result: { data: { booking: { status: string } } } }).result.data.booking.status;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, statuses, failures };
}

async function sqlBurst(appUrl: string, data: BookingBenchData, run: 0 | 1, connections: number) {
  const sessions = await Promise.all(Array.from({ length: connections }, () => rawSql(appUrl)));
  const statuses: Record<string, number> = {};
  const queue = [...data.sqlMembers[run]];
  const batchId = data.sqlBatchIds[run];
  const now = new Date();
  try {
    const t0 = performance.now();
    await Promise.all(
      sessions.map(async (s) => {
        for (let m = queue.shift(); m; m = queue.shift()) {
          const attempt = { homeId: data.home.id, homeSlug: data.home.slug, hostId: data.host.id, memberId: m.memberId, userId: m.userId, batchId, idempotencyKey: `burst-${m.memberId}` };
          // one statement in its own implicit transaction: one round trip
          const out = await sqlBook(s.query, attempt, now);
          statuses[out] = (statuses[out] ?? 0) + 1;
        }
      }),
    );
    return { seconds: (performance.now() - t0) / 1000, statuses };
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

/** CPU (user + system) of processes on this machine, in ms, from /proc (0 for a process gone). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended
    }
  }
  return ticks * 10;
}

function loadavg(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
