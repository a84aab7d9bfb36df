import { performance } from 'node:perf_hooks';

// Side-by-side timing (DESIGN §6): both sides run in the same process, against the same server,
// interleaved, so a noisy machine slows both and the ratio stays fair.

export interface Timings {
  p50: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(samples: number[]): Timings {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, n: s.length };
}

export interface PairResult {
  api: Timings;
  sql: Timings;
  /** api p50 / sql p50 */
  ratio: number;
}

/**
 * Runs `warmup` unmeasured rounds, then `iterations` measured rounds of both functions,
 * alternating which goes first so neither side always runs on a cache the other just warmed.
 */
export async function measurePair(
  api: () => Promise<unknown>,
  sql: () => Promise<unknown>,
  opts: { iterations: number; warmup: number },
): Promise<PairResult> {
  for (let i = 0; i < opts.warmup; i++) {
    await api();
    await sql();
  }
  const a: number[] = [];
  const s: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < opts.iterations; i++) {
    if (i % 2 === 0) {
      await time(api, a);
      await time(sql, s);
    } else {
      await time(sql, s);
      await time(api, a);
    }
  }
  const apiT = summarise(a);
  const sqlT = summarise(s);
  return { api: apiT, sql: sqlT, ratio: apiT.p50 / sqlT.p50 };
}

const ms = (v: number) => v.toFixed(2);

/** The one summary line per case: `members-list[first-page]: api_p50_ms=… sql_p50_ms=… ratio=… …` */
export function summaryLine(name: string, r: PairResult): string {
  return (
    `${name}: api_p50_ms=${ms(r.api.p50)} sql_p50_ms=${ms(r.sql.p50)} ratio=${r.ratio.toFixed(2)} ` +
    `api_p95_ms=${ms(r.api.p95)} sql_p95_ms=${ms(r.sql.p95)} n=${r.api.n}`
  );
}
