#!/usr/bin/env node
// First-load weight of the pages members and visitors open on their phones, from the web build's
// manifest (apps/web/dist/.vite/manifest.json): the entry chunk, the route chunks of the page's
// route chain, the active language's catalogue, and every chunk and stylesheet these import
// statically (dynamic imports are followed only when a page lists them: they load later).
// Prints gzip KB per page and exits 1 when one is above its budget.
//   node scripts/size-budget.mjs [--budget <KB for every page>] [--dist apps/web/dist] [--json]
//
// Issue 13 asks for 150 KB gzip. The build does not reach it yet (React DOM, AntD's style engine,
// the router, tRPC and the full zod are in every first load: decisions/0030), so each page group
// is held at the figure reached, rounded up to the next 10 KB, so that it cannot grow unnoticed.
// Lower these as pages get lighter; never raise them without a decision.
const TARGET_KB = 150;
// 10 KB above the figures reached (347 / 403 at the merge): rolldown's chunk grouping moves a page by
// a few KB when unrelated pages change, and a red CI for that would stop everything else landing.
const BUDGET_KB = { signIn: 360, member: 420 };
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const override = opt('budget', process.env.SIZE_BUDGET_KB);
const dist = resolve(opt('dist', join(import.meta.dirname, '..', 'apps/web/dist')));

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error(`size-budget: no manifest in ${dist}/.vite (build the web app first: pnpm --filter @uc/web build)`);
  process.exit(2);
}

const split = (file) => `src/routes/${file}?tsr-split=component`;
const app = [split('_app.tsx'), split('_app/t/$tenant/route.tsx')];
// The default language's words, Ant Design texts and dayjs month names (apps/web/src/lib/locale.ts
// loads them before the first render): zh-CN, the heavier of the two languages.
const zhCatalogue = Object.keys(manifest).filter((k) =>
  /contracts\/src\/i18n\/ui\.zh-CN\.ts$|antd\/es\/locale\/zh_CN\.js$|dayjs\/locale\/zh-cn\.js$/.test(k),
);
if (zhCatalogue.length !== 3) {
  console.error(`size-budget: expected the zh-CN catalogue, antd and dayjs locale chunks in the manifest, found ${zhCatalogue.length}`);
  process.exit(2);
}

/** Pages in the budget: name → [budget group, the manifest keys a first paint needs besides the entry]. */
const pages = {
  'sign-in (/login)': ['signIn', split('login.tsx')],
  'member home (/t/:tenant)': ['member', ...app, split('_app/t/$tenant/index.tsx'), 'src/routes/_app/t/$tenant/-components/MemberHome.tsx'],
  'member recuperation (/t/:tenant/recuperation)': ['member', ...app, split('_app/t/$tenant/recuperation/index.tsx')],
  'member batch (/t/:tenant/recuperation/batches/:id)': ['member', ...app, split('_app/t/$tenant/recuperation/batches/$batchId/index.tsx')],
  'member booking form (…/batches/:id/book)': ['member', ...app, split('_app/t/$tenant/recuperation/batches/$batchId/book.tsx')],
  'member bookings (/t/:tenant/recuperation/bookings)': ['member', ...app, split('_app/t/$tenant/recuperation/bookings/index.tsx')],
  'member booking (/t/:tenant/recuperation/bookings/:id)': ['member', ...app, split('_app/t/$tenant/recuperation/bookings/$bookingId.tsx')],
  'member programmes (/t/:tenant/programmes)': ['member', ...app, split('_app/t/$tenant/programmes/index.tsx')],
};

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const sizes = new Map();
const gz = (file) => {
  if (!sizes.has(file)) {
    const body = readFileSync(join(dist, file));
    sizes.set(file, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return sizes.get(file);
};

function firstLoad(keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`size-budget: ${key} is not in the manifest (was the route renamed?)`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of [entry, ...zhCatalogue, ...keys]) visit(key);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const s = gz(file);
    raw += s.raw;
    gzip += s.gzip;
  }
  return { files: files.size, raw, gzip };
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = Object.entries(pages).map(([name, [group, ...keys]]) => ({
  name,
  budgetKb: override !== undefined ? Number(override) : BUDGET_KB[group],
  ...firstLoad(keys),
}));
const over = rows.filter((r) => r.gzip / 1024 > r.budgetKb);
if (args.includes('--json')) {
  console.log(JSON.stringify({ targetKb: TARGET_KB, rows }, null, 2));
} else {
  for (const r of rows) {
    const flag = r.gzip / 1024 > r.budgetKb ? '  OVER' : '';
    console.log(`size-budget: ${r.name.padEnd(54)} ${String(r.files).padStart(3)} files ${kb(r.raw).padStart(7)} KB raw ${kb(r.gzip).padStart(6)} KB gzip (budget ${r.budgetKb})${flag}`);
  }
  console.log(`size-budget: first loads in gzip KB (issue 13's target: ${TARGET_KB}) — ${over.length ? `${over.length} page(s) over budget` : 'all within budget'}`);
}
process.exit(over.length ? 1 : 0);
