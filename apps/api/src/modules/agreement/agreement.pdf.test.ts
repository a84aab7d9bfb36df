import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  startServer,
  TEST_PASSWORD,
  type Harness,
  type TestFederation,
  signInCookie,
  type TestUser,
} from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';


describe('agreement PDF evidence', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof startServer>>;
  let A: TestFederation, B: TestFederation, C: TestFederation;
  let aUser: TestUser, bUser: TestUser, cUser: TestUser;
  let a: Caller, b: Caller;
  let tmp: string;

  beforeAll(async () => {
    h = await createHarness();
    server = await startServer(h);
    tmp = mkdtempSync(join(tmpdir(), 'uc-pdf-'));
    [A, B, C] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx')];
    aUser = await makeStaff(h, A, ['admin', 'signatory']);
    bUser = await makeStaff(h, B, ['admin', 'signatory']);
    cUser = await makeStaff(h, C, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, bUser, B);
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** drafts from the template, negotiates, sends for signature; both parties sign when asked */
  async function agreement(opts: { sign: boolean }) {
    const { id } = await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'twin-city-five-commons' });
    let g = await a.agreement.get({ id });
    await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
    g = await b.agreement.get({ id });
    await b.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
    g = await a.agreement.get({ id });
    if (opts.sign) {
      for (const c of [a, b]) {
        await c.agreement.sign({ id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
      }
    }
    return a.agreement.get({ id });
  }

  const cookieFor = (user: TestUser) => signInCookie(server.url, user);

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  /** the PDF's text as pdftotext reads it, whitespace removed (long lines wrap anywhere) */
  async function pdfText(res: Response, name: string): Promise<string> {
    const file = join(tmp, `${name}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }
  const squash = (s: string) => s.replace(/\s+/g, '');
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  describe('when both parties have signed', () => {
    it('serves a PDF with the Chinese title, both parties, the signatures, the hash and a signing certificate', async () => {
      const g = await agreement({ sign: true });
      expect(g.status).toBe('active');
      const hash = g.currentVersion.contentHash!;
      // signatories are named by 姓名 + 单位 + 职务 as their accounts read when the PDF is made
      await h.t.query(`update app_user set display_name = '张伟', title = '常务副主席' where id = $1`, [aUser.id]);
      const cookie = await cookieFor(aUser);
      const res = await get(`/api/t/${A.slug}/agreements/${g.id}/pdf`, { Cookie: cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toContain('.pdf');
      const text = await pdfText(res, 'a');
      expect(text).toContain(squash(g.title));
      for (const p of g.parties) expect(text).toContain(squash(p.nameZh));
      expect(text).toContain(hash);
      // the agreement number is on every page's footer, and the last page is the certificate
      const pages = execFileSync('pdfinfo', [join(tmp, 'a.pdf')], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]!;
      expect(text.split(squash(g.number)).length - 1).toBeGreaterThanOrEqual(Number(pages));
      expect(text).toContain('签署证书');
      // the human number heads the document and every footer; the id and hash sit in the last section, 技术信息
      expect(g.number).toMatch(/合〔\d{4}〕\d+号$/);
      expect(text).toContain(g.number);
      expect(text.indexOf(g.id)).toBeGreaterThan(text.indexOf('技术信息'));
      expect(text.indexOf(hash, text.indexOf('技术信息'))).toBeGreaterThan(0);
      expect(text).toContain(squash(`签署人：张伟（${A.nameZh} 常务副主席）`));
      expect(text).toContain(squash(`签署人：${bUser.email.split('@')[0]}（${B.nameZh}）`));
      // never a login email
      expect(text).not.toContain(aUser.email);
      expect(text).not.toContain(bUser.email);
      expect(text).toContain('第八条协议期限');
      expect(text).toContain('身心共同关爱');
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/);
      expect(text).toContain('一致');

      const audit = await a.audit.list({ limit: 20, type: 'agreement.pdf_downloaded' });
      expect(audit.items[0]).toMatchObject({ entityId: g.id, data: { contentHash: hash } });
    });

    it('serves it at /api/agreements/<id>/pdf from the X-Tenant header or the first federation that is a party', async () => {
      const g = await agreement({ sign: true });
      const cookie = await cookieFor(bUser);
      const byHeader = await get(`/api/agreements/${g.id}/pdf`, { Cookie: cookie, 'X-Tenant': B.slug });
      expect(byHeader.status).toBe(200);
      expect(await pdfText(byHeader, 'b-header')).toContain(g.currentVersion.contentHash!);
      // a user of a non-party federation (listed first) and of a party: the party is found among their memberships
      const first = await makeFederation(h, 'aa');
      const both = await makeStaff(h, first, ['admin']);
      await addMembership(h, B, both, ['officer']);
      const res = await get(`/api/agreements/${g.id}/pdf`, { Cookie: await cookieFor(both) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
    });
  });

  describe('when the caller is not a party or not signed in', () => {
    it('answers 404 NOT_FOUND on both paths to a non-party, and 401 to an anonymous caller', async () => {
      const g = await agreement({ sign: true });
      const cookie = await cookieFor(cUser);
      for (const [path, headers] of [
        [`/api/t/${C.slug}/agreements/${g.id}/pdf`, {}],
        [`/api/t/${A.slug}/agreements/${g.id}/pdf`, {}],
        [`/api/agreements/${g.id}/pdf`, {}],
        [`/api/agreements/${g.id}/pdf`, { 'X-Tenant': C.slug }],
      ] as const) {
        const res = await get(path, { Cookie: cookie, ...headers });
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/json');
        expect(await errorCode(res)).toBe('NOT_FOUND');
      }
      for (const path of [`/api/t/${A.slug}/agreements/${g.id}/pdf`, `/api/agreements/${g.id}/pdf`]) {
        const res = await get(path);
        expect(res.status, path).toBe(401);
        expect(await errorCode(res)).toBe('UNAUTHORIZED');
      }
      await expectCode((await callerFor(h, cUser, C)).agreement.pdf({ id: g.id }), 'NOT_FOUND');
    });
  });

  describe('when nothing has been sent for signature', () => {
    it('refuses with INVALID_TRANSITION while negotiating, and serves the frozen version while signing', async () => {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      const g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      await expectCode(b.agreement.pdf({ id }), 'INVALID_TRANSITION');
      const signing = await agreement({ sign: false });
      const file = await b.agreement.pdf({ id: signing.id });
      expect(file.filename).toMatch(/第1版\.pdf$/);
      expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  describe('when a stored version is edited behind the platform', () => {
    it('verify reports that the recomputed hash no longer matches', async () => {
      const g = await agreement({ sign: true });
      expect(await a.agreement.verify({ id: g.id })).toMatchObject({ matches: true, signaturesMatch: true });
      await h.t.query(`update agreement_version set content = jsonb_set(content, '{preamble}', to_jsonb('<p>篡改后的序言</p>'::text)) where id = $1`, [g.inForceVersionId]);
      const v = await b.agreement.verify({ id: g.id });
      expect(v).toMatchObject({ matches: false, signaturesMatch: false, storedHash: g.currentVersion.contentHash });
      expect(v.recomputedHash).not.toBe(v.storedHash);
    });
  });
});
