import { parseBenchOptions, type Bench } from './lib/setup.ts';

// `pnpm bench` runs every benchmark; `pnpm bench members` runs one.
// Options: --iterations=200 --warmup=20 --scale=100000 or --scale=1m (rows per federation) --federations=3 --no-explain
// (or BENCH_ITERATIONS, BENCH_WARMUP, BENCH_SCALE, BENCH_FEDERATIONS). Server: DATABASE_URL, else TEST_DATABASE_URL,
// else postgres://postgres@127.0.0.1:5432/test; each benchmark creates and drops its own database.
// `pnpm bench lighthouse` needs no server: the API on PGlite with the demo data, Lighthouse in /usr/bin/chromium
// (--iterations defaults to 3 there).

/** The registry: a name and a lazy import. Later benchmarks (items, booking) add one line each. */
const BENCHES: Record<string, () => Promise<{ bench: Bench }>> = {
  members: () => import('./members.bench.ts'),
  items: () => import('./items.bench.ts'),
  booking: () => import('./booking.bench.ts'),
  outbox: () => import('./outbox.bench.ts'),
  lighthouse: () => import('./lighthouse.bench.ts'),
};

async function main(argv: string[]) {
  const names = argv.filter((a) => !a.startsWith('-'));
  const opts = parseBenchOptions(argv);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = names.length ? names : Object.keys(BENCHES);
  for (const name of selected) {
    const { bench } = await BENCHES[name]!();
    console.log(`\n=== bench ${name}: ${bench.description}`);
    const t0 = Date.now();
    await bench.run(opts);
    console.log(`=== bench ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

// pnpm may pass a lone "--" through before the arguments
await main(process.argv.slice(2).filter((a) => a !== '--'));
