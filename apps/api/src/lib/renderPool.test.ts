import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheStats, closeRenderPool, renderStats } from './renderPool.ts';
import { renderTask, type RenderTask } from './render.worker.ts';
import { callerFor, createHarness, makeFederation, makeStaff, signInCookie, startServer, TEST_PASSWORD, type Harness, type TestFederation } from '../test/harness.ts';
import type { Caller } from '../test/caller.ts';

// Heavy work off the request thread (issue 14): agreement PDFs are drawn in the render pool's worker
// threads, so /healthz stays quick while several render; the PDF of a version in force is kept by
// content hash and served again without drawing. The assertion that matters is where the work ran
// (not on this thread); latencies are printed for the note and asserted only generously.

const N = 6;

describe('PDF rendering in the worker pool', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof startServer>>;
  let A: TestFederation, B: TestFederation;
  let a: Caller, b: Caller;
  let cookie: string;

  beforeAll(async () => {
    h = await createHarness();
    server = await startServer(h);
    // minutes of setup pass between requests: keep the client's idle socket open meanwhile (no ECONNRESET race)
    server.server.keepAliveTimeout = 120_000;
    [A, B] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb')];
    const aUser = await makeStaff(h, A, ['admin', 'signatory']);
    const bUser = await makeStaff(h, B, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, bUser, B);
    cookie = await signInCookie(server.url, aUser);
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
    await closeRenderPool();
  });

  async function agreement(sign: boolean) {
    const { id } = await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'twin-city-five-commons' });
    let g = await a.agreement.get({ id });
    await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    g = await b.agreement.get({ id });
    await b.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
    g = await a.agreement.get({ id });
    if (sign) for (const c of [a, b]) await c.agreement.sign({ id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
    return a.agreement.get({ id });
  }
  const pdf = async (id: string) => {
    const res = await fetch(`${server.url}/api/t/${A.slug}/agreements/${id}/pdf`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  /**
   * While `work` runs: the worst /healthz latency (sampled back to back; on PGlite it also waits for
   * the one database connection) and the worst delay of a 10 ms timer on this thread (the event loop
   * every request needs: the measure of work on the request thread).
   */
  async function probeWhile(work: Promise<unknown>): Promise<{ healthz: number; lag: number; samples: number }> {
    let done = false;
    void work.finally(() => (done = true)).catch(() => {});
    let lag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const t = performance.now();
      lag = Math.max(lag, t - last - 10);
      last = t;
    }, 10);
    let healthz = 0;
    let samples = 0;
    try {
      while (!done) {
        const t = performance.now();
        const res = await fetch(`${server.url}/healthz`);
        await res.arrayBuffer();
        healthz = Math.max(healthz, performance.now() - t);
        samples++;
      }
      await work;
    } finally {
      clearInterval(timer);
    }
    return { healthz, lag, samples };
  }

  it(`draws ${N} PDFs at once in worker threads while the event loop stays free`, async () => {
    const g = await agreement(false); // being signed: not in force, so never cached
    expect(g.status).toBe('signing');
    await pdf(g.id); // the pool's first worker starts (loads tsx, pdfkit, the fonts)
    const before = renderStats.tasks;
    const t = performance.now();
    const { healthz, lag, samples } = await probeWhile(Promise.all(Array.from({ length: N }, () => pdf(g.id))));
    const seconds = (performance.now() - t) / 1000;
    expect(renderStats.tasks - before).toBe(N);
    expect(isMainThread).toBe(true);
    // every render ran in a worker thread (thread 0 is the main thread)
    expect([...renderStats.threads].every((id) => id > 0)).toBe(true);
    console.log(`[render pool] ${N} agreement PDFs in ${seconds.toFixed(1)} s in workers: event-loop delay worst ${lag.toFixed(0)} ms, /healthz worst ${healthz.toFixed(0)} ms (${samples} samples)`);
    // generous: drawn here, one PDF alone holds the loop for 0.6–1 s on this machine
    expect(lag).toBeLessThan(400);
  });

  it('for comparison, the same PDFs drawn on the main thread hold /healthz up (figure only)', async () => {
    const g = await agreement(false);
    const model = { agreementId: g.id, number: g.number, versionNumber: 1, content: g.currentVersion.content, parties: g.parties.map((p) => ({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn })), signatures: [], contentHash: g.currentVersion.contentHash!, hashMatches: true, frozenAt: new Date(), generatedAt: new Date() } as unknown as Extract<RenderTask, { kind: 'agreement' }>['model'];
    // sequential on this thread, as the request path drew them before: yield to let /healthz in between
    const inline = (async () => {
      for (let i = 0; i < N; i++) {
        await new Promise((r) => setTimeout(r, 5));
        await renderTask({ kind: 'agreement', model });
      }
    })();
    const { healthz, lag } = await probeWhile(inline);
    console.log(`[render pool] the same ${N} PDFs on the main thread: event-loop delay worst ${lag.toFixed(0)} ms, /healthz worst ${healthz.toFixed(0)} ms`);
  });

  it("keeps a signed agreement's PDF by content hash and serves it again without drawing", async () => {
    const g = await agreement(true);
    expect(g.status).toBe('active');
    const tasks = renderStats.tasks;
    const hits = cacheStats.hits;
    const first = await pdf(g.id);
    const second = await pdf(g.id);
    expect(second.equals(first)).toBe(true);
    expect(renderStats.tasks - tasks).toBe(1);
    expect(cacheStats.hits - hits).toBe(1);
  });
});
