import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDb } from '@uc/db';
import { assertSafeRole } from '../bootstrap.ts';
import { loadEnv } from '../env.ts';
import { createApp, listen } from '../http/server.ts';
import { configureAuditKey } from '../modules/audit/index.ts';

// One API process of the booking burst: the real HTTP server (createApp + listen) on a random
// port, connected as the app role with a production-sized pool. Started by booking.bench.ts
// as a child process; prints "READY <url>" and serves until it is sent SIGTERM.
// Usage: tsx booking.server.ts <app-role database url> <pool size>

const [appUrl, pool] = process.argv.slice(2);
if (!appUrl) throw new Error('usage: booking.server.ts <database url> [pool]');
// one audit key for the three processes, as in a deployment (their events share a chain)
export const BENCH_AUDIT_KEY = Buffer.alloc(32, 0x5a).toString('base64');
const env = loadEnv({ NODE_ENV: 'production', DATABASE_URL: appUrl, MEMBER_ID_KEY: randomBytes(32).toString('base64'), AUDIT_KEY: BENCH_AUDIT_KEY, PUBLIC_URL: 'http://localhost:3000' });
configureAuditKey(env.auditKey);
// BENCH_PREPARE=0: without named prepared statements (to measure what they save)
const handle = await createDb({ kind: 'postgres', url: appUrl, max: Number(pool ?? 12), prepare: process.env.BENCH_PREPARE !== '0' });
await assertSafeRole(handle);
const server = await listen(createApp({ env, db: handle }), 0, '127.0.0.1');
server.keepAliveTimeout = 60_000;
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);

process.on('SIGTERM', () => {
  // how long ready callbacks waited for this process's event loop: time a lock holder's next statement waits too
  console.log(`event loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`);
  server.closeAllConnections();
  server.close(() => void handle.close().then(() => process.exit(0)));
});
