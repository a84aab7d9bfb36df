import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness } from '../../test/harness.ts';
import { makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// The secure thread per referral (issue 11): the caseworkers of the two federations on it write and
// read it; nobody else sees it; the performer loses it with the worker's consent; every read is on
// the access log and every message in the author's audit chain.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const rowsOf = <T>(x: unknown) => ((x as { rows?: T[] }).rows ?? x) as T[];

describe('a referral’s secure thread', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('carries messages both ways, in order, each side seeing which are its own', async () => {
    const { referral } = await referredCase(w);
    await w.hzCw.referral.post({ id: referral.id, body: '请贵会尽快受理，职工已多次来电。' });
    h.advance(60_000);
    await w.nbCw.referral.post({ id: referral.id, body: '已收到，明天联系用人单位。' });
    const nbView = await w.nbCw.referral.thread({ id: referral.id });
    if (nbView.access !== 'granted') throw new Error('refused');
    expect(nbView.messages.map((m) => [m.author.slug, m.mine, m.body])).toEqual([
      [w.hz.slug, false, '请贵会尽快受理，职工已多次来电。'],
      [w.nb.slug, true, '已收到，明天联系用人单位。'],
    ]);
    // authors and readers are named by 姓名 + 单位 (never by the login email)
    expect(nbView.messages.map((m) => [m.authorPerson.kind, m.authorPerson.unit !== '', m.authorPerson.name.includes('@')])).toEqual([
      ['person', true, false],
      ['person', true, false],
    ]);
    // another Ningbo caseworker sees the same thread
    expect((await w.nbCw2.referral.thread({ id: referral.id })).access).toBe('granted');
    // every read is logged on the shared access log, as a read of the thread
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.filter((a) => a.reason === 'thread' && a.outcome === 'read').map((a) => a.reader.slug).sort()).toEqual([w.nb.slug, w.nb.slug]);
    expect(log.every((a) => a.readerPerson.kind === 'person' && !JSON.stringify(a.readerPerson).includes('@'))).toBe(true);
    // each message in its author's audit chain, without its text
    const audit = await h.t.query<{ tenant_id: string; data: { length: number } }>(`select tenant_id, data from audit_event where type = 'rights.message_posted' and entity_id = $1 order by at`, [referral.id]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.hz.id, w.nb.id]);
    expect(JSON.stringify(audit)).not.toContain('职工');
  });

  it('tells the other side’s caseworkers of a message once an hour per referral, without its text', async () => {
    const { referral } = await referredCase(w);
    const notices = async (c: typeof w.nbCw) => (await c.notification.list()).items.filter((n) => n.kind === 'rights.message' && n.link?.endsWith(referral.id));
    await w.hzCw.referral.post({ id: referral.id, body: '工资条照片已补充，请查收。' });
    h.advance(10 * 60_000);
    await w.hzCw.referral.post({ id: referral.id, body: '另附考勤记录。' });
    const [first, ...more] = await notices(w.nbCw);
    expect(more).toEqual([]);
    expect(first!.title).toContain('维权转办留言');
    expect(first!.body).toContain('安全留言');
    expect(JSON.stringify(first)).not.toContain('工资条');
    expect(await notices(w.nbCw2)).toHaveLength(1);
    // the author's side is not told of its own message; an hour on, the next message is told again
    expect(await notices(w.hzCw)).toEqual([]);
    h.advance(60 * 60_000);
    await w.hzCw.referral.post({ id: referral.id, body: '请回复。' });
    expect(await notices(w.nbCw)).toHaveLength(2);
    // the email carries no text of the message either
    const mail = await h.t.query<{ body_text: string }>(`select body_text from outbox where subject like '%维权转办留言%'`);
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.map((m) => m.body_text).join()).not.toMatch(/工资条|考勤|请回复/);
  });

  it('is NOT_FOUND to other federations’ caseworkers, closed to other staff, and refuses an empty message', async () => {
    const { referral } = await referredCase(w);
    for (const caller of [w.sxCw, w.wzCw]) {
      await expectCode(caller.referral.thread({ id: referral.id }), 'NOT_FOUND');
      await expectCode(caller.referral.post({ id: referral.id, body: '越权留言' }), 'NOT_FOUND');
    }
    // staff with no business in rights are refused by the role matrix, for any id
    await expectCode(w.hzOfficer.referral.thread({ id: referral.id }), 'FORBIDDEN');
    await expectCode(w.hzCw.referral.post({ id: referral.id, body: '   ' }), 'BAD_REQUEST');
    // nothing was written by the refused calls
    expect(await h.t.query(`select 1 from rights_referral_message where referral_id = $1`, [referral.id])).toEqual([]);
  });

  it('closes to the performer when the worker withdraws consent: refused and logged', async () => {
    const { referral, consentId } = await referredCase(w);
    await w.nbCw.referral.post({ id: referral.id, body: '请补充工资条。' });
    await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回授权' });
    // the referrer may still write (its own record), but the performer is no longer called to the thread
    h.advance(2 * 60 * 60_000);
    await w.hzCw.referral.post({ id: referral.id, body: '职工已撤回授权。' });
    expect((await w.nbCw.notification.list()).items.filter((n) => n.kind === 'rights.message' && n.link?.endsWith(referral.id))).toEqual([]);
    expect(await w.nbCw.referral.thread({ id: referral.id })).toEqual({ access: 'refused', reason: 'consent_withdrawn' });
    await expectCode(w.nbCw.referral.post({ id: referral.id, body: '还在吗？' }), 'CONSENT_REQUIRED');
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.some((a) => a.reader.slug === w.nb.slug && a.outcome === 'refused')).toBe(true);
    // the referring federation keeps its own case's thread
    const hzView = await w.hzCw.referral.thread({ id: referral.id });
    expect(hzView.access === 'granted' && hzView.messages.map((m) => m.body)).toEqual(['请补充工资条。', '职工已撤回授权。']);
  });

  it('the app role cannot write a message as another federation, nor change one', async () => {
    const { referral } = await referredCase(w);
    await w.hzCw.referral.post({ id: referral.id, body: '原文' });
    const forge = (as: string) =>
      withTenant(h.t.db, as, (tx) => tx.execute(sql`insert into rights_referral_message (tenant_id, referral_id, author_tenant_id, author_label, body, at) values (${w.hz.id}, ${referral.id}, ${as}, 'x', '伪造', now())`));
    // Shaoxing is not on the referral: row-level security refuses the row
    await expect(forge(w.sx.id)).rejects.toThrow();
    await expect(withTenant(h.t.db, w.hz.id, (tx) => tx.execute(sql`update rights_referral_message set body = '改过' where referral_id = ${referral.id}`))).rejects.toThrow();
    const rows = await h.t.query<{ body: string }>(`select body from rights_referral_message where referral_id = $1`, [referral.id]);
    expect(rows.map((r) => r.body)).toEqual(['原文']);
  });

  describe('files on its messages (decision 0056)', () => {
    async function withFiles() {
      const r = await referredCase(w);
      await w.hzCw.referral.post({ id: r.referral.id, body: '附上考勤记录照片。', file: { filename: 'C:\\手机\\考勤.png', contentType: 'image/png', base64: PNG.toString('base64') } });
      h.advance(60_000);
      await w.nbCw.referral.post({ id: r.referral.id, body: '调解笔录见附件。', file: { filename: '调解笔录.pdf', base64: PDF.toString('base64') } });
      const hzView = await w.hzCw.referral.thread({ id: r.referral.id });
      if (hzView.access !== 'granted') throw new Error('refused');
      const [hzFile, nbFile] = hzView.messages.map((m) => m.files[0]!);
      return { ...r, hzFile: hzFile!, nbFile: nbFile! };
    }

    it('both sides see the files in the thread and read them, every read logged; the audit keeps no name', async () => {
      const { referral, hzFile, nbFile } = await withFiles();
      expect(hzFile).toMatchObject({ filename: '考勤.png', contentType: 'image/png', size: PNG.length, url: `/api/referrals/${referral.id}/thread/${hzFile.id}` });
      expect(nbFile).toMatchObject({ filename: '调解笔录.pdf', contentType: 'application/pdf' });
      const nbView = await w.nbCw.referral.thread({ id: referral.id });
      expect(nbView.access === 'granted' && nbView.messages.map((m) => m.files.map((f) => f.id))).toEqual([[hzFile.id], [nbFile.id]]);
      const got = await w.nbCw.referral.threadFile({ id: referral.id, fileId: hzFile.id });
      expect(got.access === 'granted' && Buffer.from(got.base64, 'base64').equals(PNG)).toBe(true);
      const mine = await w.hzCw.referral.threadFile({ id: referral.id, fileId: nbFile.id });
      expect(mine.access === 'granted' && Buffer.from(mine.base64, 'base64').equals(PDF)).toBe(true);
      const log = await w.hzCw.referral.accessLog({ id: referral.id });
      expect(log.filter((a) => a.reason === 'thread_file').map((a) => a.reader.slug).sort()).toEqual([w.hz.slug, w.nb.slug].sort());
      const reads = await h.t.query<{ tenant_id: string; file: string }>(`select tenant_id, data->>'fileId' as file from audit_event where type = 'rights.file_read' and entity_id = $1 and data->>'reason' = 'thread_file'`, [referral.id]);
      expect(reads.map((a) => [a.tenant_id, a.file]).sort()).toEqual([[w.hz.id, nbFile.id], [w.nb.id, hzFile.id]].sort());
      const posted = await h.t.query<{ tenant_id: string; data: { file?: { size: number } } }>(`select tenant_id, data from audit_event where type = 'rights.message_posted' and entity_id = $1 order by at`, [referral.id]);
      expect(posted.map((a) => [a.tenant_id, a.data.file?.size])).toEqual([
        [w.hz.id, PNG.length],
        [w.nb.id, PDF.length],
      ]);
      expect(JSON.stringify(posted)).not.toMatch(/考勤|调解笔录/);
    });

    it('refuses a file that is not what it claims, or over 10 MB, and writes no message then', async () => {
      const { referral } = await referredCase(w);
      await expectCode(w.hzCw.referral.post({ id: referral.id, body: '附件', file: { filename: 'x.png', base64: Buffer.from('#!/bin/sh\necho pwned\n').toString('base64') } }), 'BAD_INPUT');
      await expectCode(w.hzCw.referral.post({ id: referral.id, body: '附件', file: { filename: 'big.pdf', base64: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length)]).toString('base64') } }), 'PAYLOAD_TOO_LARGE');
      expect(await h.t.query(`select 1 from rights_referral_message where referral_id = $1`, [referral.id])).toEqual([]);
    });

    it('a withdrawal closes them to the performer at once: refused and logged; the referrer keeps them', async () => {
      const { referral, consentId, hzFile, nbFile } = await withFiles();
      await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回授权' });
      expect(await w.nbCw.referral.threadFile({ id: referral.id, fileId: nbFile.id })).toEqual({ access: 'refused', reason: 'consent_withdrawn', filename: '', contentType: null, base64: '' });
      const refused = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'rights.file_read' and entity_id = $1 and data->>'outcome' = 'refused' and data->>'fileId' = $2`, [referral.id, nbFile.id]);
      expect(refused.map((a) => a.tenant_id)).toEqual([w.nb.id]);
      const log = await w.hzCw.referral.accessLog({ id: referral.id });
      expect(log.some((a) => a.reader.slug === w.nb.slug && a.outcome === 'refused')).toBe(true);
      // the database agrees: the performer sees none of the thread's files, even its own
      expect(rowsOf(await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select id from rights_referral_message_file where referral_id = ${referral.id}`)))).toEqual([]);
      await expectCode(w.nbCw.referral.post({ id: referral.id, body: '补充', file: { filename: 'a.png', base64: PNG.toString('base64') } }), 'CONSENT_REQUIRED');
      expect((await w.hzCw.referral.threadFile({ id: referral.id, fileId: hzFile.id })).access).toBe('granted');
    });

    it('is NOT_FOUND to other federations, closed to other staff, and served over GET to the two sides only', async () => {
      const { referral, hzFile } = await withFiles();
      for (const caller of [w.sxCw, w.wzCw]) await expectCode(caller.referral.threadFile({ id: referral.id, fileId: hzFile.id }), 'NOT_FOUND');
      await expectCode(w.hzOfficer.referral.threadFile({ id: referral.id, fileId: hzFile.id }), 'FORBIDDEN');
      // a file of another referral is not reachable through this one
      const other = await referredCase(w);
      await expectCode(w.nbCw.referral.threadFile({ id: other.referral.id, fileId: hzFile.id }), 'NOT_FOUND');
      // nor can the app role add one as a federation not on the referral
      const [msg] = await h.t.query<{ id: string }>(`select id from rights_referral_message where referral_id = $1 limit 1`, [referral.id]);
      await expect(
        withTenant(h.t.db, w.sx.id, (tx) =>
          tx.execute(
            sql`insert into rights_referral_message_file (tenant_id, referral_id, message_id, author_tenant_id, filename, content_type, size, sha256, bytes, uploaded_by_label) values (${w.hz.id}, ${referral.id}, ${msg!.id}, ${w.sx.id}, 'x.png', 'image/png', ${PNG.length}, 'x', ${PNG}, 'x')`,
          ),
        ),
      ).rejects.toThrow();
      const server = await startServer(h);
      try {
        const [nbCookie, sxCookie] = [await signInCookie(server.url, await makeStaff(h, w.nb, ['caseworker'])), await signInCookie(server.url, await makeStaff(h, w.sx, ['caseworker']))];
        const ok = await fetch(`${server.url}${hzFile.url}`, { headers: { Cookie: nbCookie } });
        expect([ok.status, ok.headers.get('content-type'), ok.headers.get('cache-control')]).toEqual([200, 'image/png', 'private, no-store']);
        expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
        const no = await fetch(`${server.url}${hzFile.url}`, { headers: { Cookie: sxCookie } });
        expect(no.status).toBe(404);
        await no.arrayBuffer();
      } finally {
        await server.close();
      }
    });
  });
});
