#!/usr/bin/env node
// Builds the web app unless the last build in the output folder came from the same sources:
// a hash of the web sources, the contracts they import, the build settings and the lockfile is
// recorded next to the build (<out>/.build-hash); `pnpm start` and the browser journeys then skip
// an unchanged SPA (issue 13, fast start).
//   node scripts/build-web.mjs [--out apps/web/dist] [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const web = join(repo, 'apps/web');
const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const out = resolve(outArg ?? join(web, 'dist'));
const force = args.includes('--force');

/** What the build reads: the web app, the contracts it bundles, and the installed versions. */
const INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/tsr.config.json',
  'apps/web/tsconfig.json',
  'apps/web/package.json',
  'packages/contracts/src',
  'packages/contracts/package.json',
  'pnpm-lock.yaml',
];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true })
    .map((f) => join(path, String(f)))
    .filter((f) => statSync(f).isFile());
}

export function sourceHash() {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((p) => files(join(repo, p)))
    // the route tree is generated from the routes during the build: it follows them
    .filter((f) => !f.endsWith('routeTree.gen.ts'))
    .sort();
  for (const f of all) {
    hash.update(relative(repo, f));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stamp = join(out, '.build-hash');
const want = sourceHash();
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
if (!force && have === want && existsSync(join(out, 'index.html'))) {
  console.log(`web: ${relative(repo, out) || out} is up to date (${want.slice(0, 12)}), not rebuilt`);
  process.exit(0);
}
console.log(`web: building into ${relative(repo, out) || out} (${have ? 'sources changed' : 'no earlier build'})`);
const vite = join(web, 'node_modules/.bin/vite');
const run = spawnSync(vite, ['build', '--outDir', out, '--emptyOutDir'], { cwd: web, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stamp, `${want}\n`);
