import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiEnv, pnpmCli, setBaseUrl, webDistOverride } from './env.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The pnpm that runs these tests (pnpm test sets npm_execpath), else the one on PATH. */
function pnpm(...args: string[]): [string, string[]] {
  const cli = pnpmCli();
  return cli && /pnpm/.test(cli) ? [process.execPath, [cli, ...args]] : ['pnpm', args];
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

async function waitForHealth(url: string, exited: () => string | null, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure) throw new Error(`the API stopped before it was ready: ${failure}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Resolves once no process of the group is left; kills what is still there after `graceMs`. */
async function groupGone(pgid: number, graceMs: number) {
  // a live member of the group: on Linux read /proc (a zombie, state Z, is gone for our purpose — in a
  // container nothing may reap it); elsewhere ask with signal 0
  const alive = () => {
    if (existsSync('/proc/self/stat')) {
      return readdirSync('/proc').some((pid) => {
        if (!/^\d+$/.test(pid)) return false;
        try {
          // fields after the command's closing parenthesis: state, ppid, pgrp
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return Number(pgrp) === pgid && state !== 'Z';
        } catch {
          return false;
        }
      });
    }
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // gone in the meantime
    }
    // bounded: an unreaped zombie (no init reaping in a container) still answers signal 0
    const last = Date.now() + 5_000;
    while (alive() && Date.now() < last) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Builds the SPA (unless unchanged), starts the API (which serves it) on PGlite with demo data; returns the teardown. */
export default async function globalSetup() {
  // E2E_WEB_DIST lets several checkouts' journeys run side by side without sharing one dist folder
  const webDist = webDistOverride() ?? join(repoRoot, 'apps/web/dist');
  // built once: an unchanged SPA (same sources and lockfile as the last build there) is not rebuilt
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build-web.mjs'), '--out', webDist], { cwd: repoRoot, stdio: 'inherit' });

  const dataDir = await mkdtemp(join(tmpdir(), 'uc-e2e-'));
  const port = await freePort();
  // embedded PGlite whatever the shell has configured: a fresh database every run
  const api = spawn(...pnpm('--filter', '@uc/api', 'start'), {
    cwd: repoRoot,
    env: apiEnv({ WEB_DIST: webDist, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', SMS_SINK: 'true' }),
    // its own process group, so teardown stops pnpm, tsx and node together
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exit: string | null = null;
  api.on('exit', (code, signal) => (exit = `exit code ${code ?? signal}`));

  const stop = async () => {
    if (exit === null && api.pid) {
      process.kill(-api.pid, 'SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
    // pnpm exits before the node process under it has closed PGlite, which still writes its WAL while
    // shutting down: removing the folder then failed with ENOTEMPTY (a red CI after every journey passed).
    // Wait for the whole process group to be gone (SIGKILL after 20 s), then remove, retrying.
    if (api.pid) await groupGone(api.pid, 20_000);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseURL}/healthz`, () => exit, 240_000);
  } catch (e) {
    await stop();
    throw e;
  }
  setBaseUrl(baseURL);
  return stop;
}
