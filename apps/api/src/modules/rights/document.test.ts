import { FILE_MAX_BYTES } from '@uc/contracts';
import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness } from '../../test/harness.ts';
import { consentFor, makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// Case documents as files (issue 11, decision 0053): the referring federation uploads them, shared or
// internal; the performer reads only the shared ones, only while the worker's consent holds and
// covers documents, and every one of its reads is on the shared access log.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const b64 = (b: Buffer) => b.toString('base64');

describe('rights case documents as files', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  async function withDocuments() {
    const r = await referredCase(w);
    const shared = await w.hzCw.rightsCase.uploadDocument({ caseId: r.caseId, kind: 'pay_slip', shared: true, note: '9 月工资条', filename: 'C:\\photos\\工资条.png', contentType: 'image/png', base64: b64(PNG) });
    const internal = await w.hzCw.rightsCase.uploadDocument({ caseId: r.caseId, kind: 'other', shared: false, filename: '内部研判.pdf', base64: b64(PDF) });
    return { ...r, shared, internal };
  }

  it('uploads shared and internal documents; the owner lists and reads all of them', async () => {
    const { caseId, shared, internal } = await withDocuments();
    expect(shared).toMatchObject({ kind: 'pay_slip', shared: true, note: '9 月工资条', filename: '工资条.png', contentType: 'image/png', size: PNG.length, url: `/api/rights/documents/${shared.id}` });
    expect(internal).toMatchObject({ shared: false, contentType: 'application/pdf' });
    const c = await w.hzCw.rightsCase.get({ id: caseId });
    expect(c.files.map((f) => [f.filename, f.shared])).toEqual([
      ['工资条.png', true],
      ['内部研判.pdf', false],
    ]);
    expect((await w.hzCw.rightsCase.documents({ caseId })).map((f) => f.id)).toEqual([shared.id, internal.id]);
    await expectCode(w.nbCw.rightsCase.documents({ caseId }), 'NOT_FOUND');
    // the named paper documents of the intake are still there
    expect(c.documents.map((d) => d.name)).toContain('劳动合同.pdf');
    const file = await w.hzCw.rightsCase.document({ id: internal.id });
    expect(Buffer.from(file.base64, 'base64').equals(PDF)).toBe(true);
    // the upload is in the owner's audit chain without the file's name
    const audit = await h.t.query<{ tenant_id: string; data: unknown }>(`select tenant_id, data from audit_event where type = 'rights.document_added' and entity_id = $1`, [shared.id]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.hz.id]);
    expect(JSON.stringify(audit)).not.toContain('工资条');
  });

  it('refuses a file whose bytes are not the type it claims, an empty one and one over 10 MB', async () => {
    const { caseId } = await referredCase(w);
    const up = (base64: string, filename = 'x.png') => w.hzCw.rightsCase.uploadDocument({ caseId, kind: 'other', shared: true, filename, contentType: 'image/png', base64 });
    await expectCode(up(b64(Buffer.from('#!/bin/sh\necho pwned\n'))), 'BAD_INPUT');
    await expectCode(up(b64(Buffer.concat([PDF, Buffer.alloc(FILE_MAX_BYTES + 1 - PDF.length)]))), 'PAYLOAD_TOO_LARGE');
    // far over the limit: the contract refuses it before it is decoded
    await expectCode(up(b64(Buffer.alloc(FILE_MAX_BYTES + 4096))), 'BAD_REQUEST');
    await expectCode(up('===='), 'BAD_INPUT');
    expect(await h.t.query(`select 1 from rights_case_document where case_id = $1`, [caseId])).toEqual([]);
  });

  it('the performer sees and reads only the shared documents, every read logged on the shared access log', async () => {
    const { referral, caseId, shared, internal } = await withDocuments();
    const read = await w.nbCw.referral.file({ id: referral.id });
    if (read.access !== 'granted') throw new Error('refused');
    expect(read.file.files.map((f) => [f.id, f.url])).toEqual([[shared.id, `/api/referrals/${referral.id}/documents/${shared.id}`]]);
    const got = await w.nbCw.referral.document({ id: referral.id, documentId: shared.id });
    expect(got.access === 'granted' && Buffer.from(got.base64, 'base64').equals(PNG)).toBe(true);
    await w.nbCw2.referral.document({ id: referral.id, documentId: shared.id });
    // internal documents never leave the owner: not through the referral, not by id, not through the database
    await expectCode(w.nbCw.referral.document({ id: referral.id, documentId: internal.id }), 'NOT_FOUND');
    await expectCode(w.nbCw.rightsCase.document({ id: shared.id }), 'NOT_FOUND');
    const seen = await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select id from rights_case_document where case_id = ${caseId}`));
    expect((seen as unknown as { rows?: { id: string }[] }).rows ?? seen).toEqual([{ id: shared.id }]);
    // both reads on the log both sides list, and in the reader's audit chain
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.filter((a) => a.reason === 'document' && a.reader.slug === w.nb.slug).map((a) => a.outcome)).toEqual(['read', 'read']);
    const audit = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'rights.file_read' and entity_id = $1 and data->>'documentId' = $2`, [referral.id, shared.id]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.nb.id, w.nb.id]);
  });

  it('a withdrawal of consent cuts the performer off at once: refused and logged; the owner keeps its files', async () => {
    const { referral, caseId, consentId, shared } = await withDocuments();
    await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回授权' });
    expect(await w.nbCw.referral.document({ id: referral.id, documentId: shared.id })).toEqual({ access: 'refused', reason: 'consent_withdrawn', filename: '', contentType: null, base64: '' });
    const seen = await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select id from rights_case_document where case_id = ${caseId}`));
    expect((seen as unknown as { rows?: unknown[] }).rows ?? seen).toEqual([]);
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.some((a) => a.reader.slug === w.nb.slug && a.outcome === 'refused')).toBe(true);
    expect((await w.hzCw.rightsCase.document({ id: shared.id })).filename).toBe('工资条.png');
  });

  it('a consent that does not cover documents shares no file', async () => {
    const { id: caseId } = await w.hzCw.rightsCase.create((await import('./rights.testkit.ts')).caseInput());
    const doc = await w.hzCw.rightsCase.uploadDocument({ caseId, kind: 'contract', shared: true, filename: '合同.pdf', base64: b64(PDF) });
    const { id: consentId } = await w.hzCw.rightsCase.recordConsent({ ...consentFor(caseId, w.nb.slug), scope: ['worker_identity', 'facts'] });
    const referral = await w.hzCw.referral.refer({ caseId, consentId });
    const read = await w.nbCw.referral.file({ id: referral.id });
    expect(read.access === 'granted' && read.file.files).toEqual([]);
    expect((await w.nbCw.referral.document({ id: referral.id, documentId: doc.id })).access).toBe('refused');
  });

  it('is NOT_FOUND to other federations and closed to other staff', async () => {
    const { referral, caseId, shared } = await withDocuments();
    for (const caller of [w.sxCw, w.wzCw]) {
      await expectCode(caller.referral.document({ id: referral.id, documentId: shared.id }), 'NOT_FOUND');
      await expectCode(caller.rightsCase.document({ id: shared.id }), 'NOT_FOUND');
      await expectCode(caller.rightsCase.uploadDocument({ caseId: caseId, kind: 'other', shared: true, filename: 'x.png', base64: b64(PNG) }), 'NOT_FOUND');
    }
    await expectCode(w.nbCw.rightsCase.uploadDocument({ caseId: caseId, kind: 'other', shared: true, filename: 'x.png', base64: b64(PNG) }), 'NOT_FOUND');
    await expectCode(w.hzOfficer.rightsCase.document({ id: shared.id }), 'FORBIDDEN');
  });

  it('serves the files over GET with their type, nosniff and no-store, to the right side only', async () => {
    const { referral, shared, internal } = await withDocuments();
    const server = await startServer(h);
    try {
      const hzUser = await makeStaff(h, w.hz, ['caseworker']);
      const nbUser = await makeStaff(h, w.nb, ['caseworker']);
      const sxUser = await makeStaff(h, w.sx, ['caseworker']);
      const [hzCookie, nbCookie, sxCookie] = [await signInCookie(server.url, hzUser), await signInCookie(server.url, nbUser), await signInCookie(server.url, sxUser)];
      const own = await fetch(`${server.url}${internal.url}`, { headers: { Cookie: hzCookie } });
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toBe('application/pdf');
      expect(own.headers.get('x-content-type-options')).toBe('nosniff');
      expect(own.headers.get('cache-control')).toBe('private, no-store');
      await own.arrayBuffer();
      const partner = await fetch(`${server.url}/api/referrals/${referral.id}/documents/${shared.id}?download=1`, { headers: { Cookie: nbCookie } });
      expect(partner.status).toBe(200);
      expect(partner.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(Buffer.from(await partner.arrayBuffer()).equals(PNG)).toBe(true);
      for (const [url, cookie] of [
        [`/api/referrals/${referral.id}/documents/${internal.id}`, nbCookie],
        [`/api/rights/documents/${shared.id}`, nbCookie],
        [`/api/referrals/${referral.id}/documents/${shared.id}`, sxCookie],
      ] as const) {
        const r = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie } });
        expect(r.status).toBe(404);
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      }
    } finally {
      await server.close();
    }
  });
});
