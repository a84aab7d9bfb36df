import { LARGE_BODY_PROCEDURES } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../router.ts';
import { createHarness, startServer, type Harness } from '../test/harness.ts';

// The procedures that take a file in base64 get a larger body, but only in a request of their own
// (the web never batches them). The list is shared with the web client (LARGE_BODY_PROCEDURES).

describe('large request bodies', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    h = await createHarness();
    server = await startServer(h);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  it('lists only mutations that exist, including the recuperation nomination import', () => {
    // at run time a flat record by dotted path
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
    for (const path of LARGE_BODY_PROCEDURES) expect(procedures[path]?._def.type, path).toBe('mutation');
    expect(LARGE_BODY_PROCEDURES).toContain('recuperation.booking.nominateXlsx');
  });

  // 2 MB: over the ordinary 1 MB limit, well within the large one
  const post = (paths: string) =>
    fetch(`${server.url}/api/trpc/${paths}${paths.includes(',') ? '?batch=1' : ''}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ fileBase64: 'A'.repeat(2_000_000) }),
    });

  it.each(LARGE_BODY_PROCEDURES)('lets a 2 MB body through to %s when it travels alone', async (path) => {
    const res = await post(path);
    // past the size gate, the procedure itself answers (here: nobody is signed in)
    expect(res.status).toBe(401);
  });

  it('refuses the same body for any other procedure, and in a batch', async () => {
    expect((await post('agreement.create')).status).toBe(413);
    // in a batch it is refused before its body is read: an upload travels alone
    expect((await post('recuperation.booking.nominateXlsx,auth.me')).status).toBe(400);
  });

  it('refuses a batch of uploads, even a small one (each file is read in a request of its own)', async () => {
    const small = (paths: string) =>
      fetch(`${server.url}/api/trpc/${paths}?batch=1`, {
        method: 'POST',
        headers: { Origin: server.url, 'content-type': 'application/json' },
        body: JSON.stringify({ 0: { fileBase64: 'UEs=' }, 1: { fileBase64: 'UEs=' } }),
      });
    for (const paths of ['member.import,member.import', 'member.import,contest.theory.import', 'jointItem.importWorkPlan,auth.me']) {
      const res = await small(paths);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_INPUT');
    }
  });

  it('refuses a file procedure in a batch (each file is rendered in a request of its own)', async () => {
    const get = (paths: string) => fetch(`${server.url}/api/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, { headers: { Origin: server.url } });
    expect((await get('member.importTemplate,member.importTemplate')).status).toBe(400);
    expect((await get('auth.me,agreement.pdf')).status).toBe(400);
    // alone it reaches the procedure (nobody is signed in)
    expect((await get('member.importTemplate')).status).toBe(401);
  });
});
