import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, makeStaff, signInCookie, startServer, type Harness } from '../../test/harness.ts';
import { CONSENT_FORM_PDF, caseInput, consentFor, makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// The worker's signed consent form as a file (issue 11, decision 0056): uploaded with the consent
// (a signed-form consent without it is refused, by the service and by the database); the partner
// reads it only while the consent holds and covers documents and the worker's identity; every read
// logged on the shared access log and in the reader's audit chain; a withdrawal refuses the next one.

const rowsOf = <T>(x: unknown) => ((x as { rows?: T[] }).rows ?? x) as T[];

describe('the signed consent form', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('is uploaded with the consent; the owner sees and reads it, the read logged', async () => {
    const { caseId, consentId, referral } = await referredCase(w);
    const c = await w.hzCw.rightsCase.get({ id: caseId });
    const consent = c.consents.find((x) => x.id === consentId)!;
    expect(consent).toMatchObject({ method: 'signed_form', evidence: '授权书-王建国.pdf' });
    expect(consent.form).toMatchObject({ filename: '授权书-王建国.pdf', contentType: 'application/pdf', size: CONSENT_FORM_PDF.length, url: `/api/rights/consents/${consentId}/form` });
    const file = await w.hzCw.rightsCase.consentForm({ id: consentId });
    expect(Buffer.from(file.base64, 'base64').equals(CONSENT_FORM_PDF)).toBe(true);
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.filter((a) => a.reason === 'consent_form').map((a) => [a.reader.slug, a.outcome])).toEqual([[w.hz.slug, 'read']]);
    // the audit keeps type, size and hash of the upload, never the file's name
    const audit = await h.t.query<{ tenant_id: string; type: string; data: unknown }>(`select tenant_id, type, data from audit_event where entity_id = $1 or data->>'consentId' = $1 order by at`, [consentId]);
    expect(audit.map((a) => [a.tenant_id, a.type])).toEqual([
      [w.hz.id, 'rights.consent_recorded'],
      [w.hz.id, 'rights.consent_form_read'],
    ]);
    expect(audit[0]!.data).toMatchObject({ form: { contentType: 'application/pdf', size: CONSENT_FORM_PDF.length } });
    expect(JSON.stringify(audit)).not.toContain('授权书');
  });

  it('refuses a signed-form consent without its form, a phone consent without attestation or with a file, and a form that is no scan', async () => {
    const { id: caseId } = await w.hzCw.rightsCase.create(caseInput());
    const { form: _form, ...noForm } = consentFor(caseId, w.nb.slug);
    await expectCode(w.hzCw.rightsCase.recordConsent(noForm), 'BAD_INPUT');
    await expectCode(w.hzCw.rightsCase.recordConsent({ ...noForm, method: 'phone_attested', evidence: '  ' }), 'BAD_INPUT');
    await expectCode(w.hzCw.rightsCase.recordConsent({ ...consentFor(caseId, w.nb.slug), method: 'phone_attested', evidence: '电话确认' }), 'BAD_INPUT');
    await expectCode(w.hzCw.rightsCase.recordConsent({ ...noForm, form: { filename: '授权书.png', base64: Buffer.from('#!/bin/sh\n').toString('base64') } }), 'BAD_INPUT');
    expect(await h.t.query(`select 1 from rights_consent where case_id = $1`, [caseId])).toEqual([]);
    // by phone: the attestation is the evidence, no file
    const { id } = await w.hzCw.rightsCase.recordConsent({ ...noForm, method: 'phone_attested', evidence: '已电话告知，职工口头同意' });
    const c = await w.hzCw.rightsCase.get({ id: caseId });
    expect(c.consents.find((x) => x.id === id)).toMatchObject({ method: 'phone_attested', evidence: '已电话告知，职工口头同意', form: null });
    await expectCode(w.hzCw.rightsCase.consentForm({ id }), 'NOT_FOUND');
  });

  it('the database refuses a signed-form consent without its form, and a referral resting on one', async () => {
    const { id: caseId } = await w.hzCw.rightsCase.create(caseInput());
    const insert = (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) =>
      tx.execute(
        sql`insert into rights_consent (tenant_id, case_id, partner_tenant_id, purpose, scope, method, evidence, given_at) values (${w.hz.id}, ${caseId}, ${w.nb.id}, '转办', array['facts'], 'signed_form', '授权书.pdf', now()) returning id`,
      );
    await expect(withTenant(h.t.db, w.hz.id, insert)).rejects.toThrow(/uploaded form/);
    expect(await h.t.query(`select 1 from rights_consent where case_id = $1`, [caseId])).toEqual([]);
    // one whose form is gone (as one recorded before the forms existed, with its name only): no referral may rest on it
    const { id: legacyId } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.nb.slug));
    await h.t.query(`delete from rights_consent_form where consent_id = $1`, [legacyId]);
    const legacy = { id: legacyId };
    await expectCode(w.hzCw.referral.refer({ caseId, consentId: legacy!.id }), 'CONSENT_REQUIRED');
    const [agreement] = await h.t.query<{ id: string }>(`select id from agreement where status = 'active' and $1 = any(party_tenant_ids) and $2 = any(party_tenant_ids)`, [w.hz.id, w.nb.id]);
    await expect(
      withTenant(h.t.db, w.hz.id, (tx) =>
        tx.execute(
          sql`insert into rights_referral (tenant_id, case_id, performer_tenant_id, consent_id, agreement_id, dispute_kind, status) values (${w.hz.id}, ${caseId}, ${w.nb.id}, ${legacy!.id}, ${agreement!.id}, 'wage_arrears', 'submitted')`,
        ),
      ),
    ).rejects.toThrow(/consent/);
  });

  it('the partner reads it while the consent holds, each read logged; a withdrawal refuses the next read and logs it', async () => {
    const { referral, consentId } = await referredCase(w);
    const read = await w.nbCw.referral.file({ id: referral.id });
    if (read.access !== 'granted') throw new Error('refused');
    expect(read.consentForm).toMatchObject({ filename: '授权书-王建国.pdf', url: `/api/referrals/${referral.id}/consent-form` });
    const got = await w.nbCw.referral.consentForm({ id: referral.id });
    expect(got.access === 'granted' && Buffer.from(got.base64, 'base64').equals(CONSENT_FORM_PDF)).toBe(true);
    // the owner's own form is not reachable by its id from the partner
    await expectCode(w.nbCw.rightsCase.consentForm({ id: consentId }), 'NOT_FOUND');
    let log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.filter((a) => a.reason === 'consent_form').map((a) => [a.reader.slug, a.outcome])).toEqual([[w.nb.slug, 'read']]);
    const audit = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'rights.file_read' and entity_id = $1 and data->>'reason' = 'consent_form'`, [referral.id]);
    expect(audit.map((a) => a.tenant_id)).toEqual([w.nb.id]);

    await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回授权' });
    expect(await w.nbCw.referral.consentForm({ id: referral.id })).toEqual({ access: 'refused', reason: 'consent_withdrawn', filename: '', contentType: null, base64: '' });
    log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.some((a) => a.reader.slug === w.nb.slug && a.outcome === 'refused')).toBe(true);
    const refused = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'rights.file_read' and entity_id = $1 and data->>'outcome' = 'refused'`, [referral.id]);
    expect(refused.map((a) => a.tenant_id)).toEqual([w.nb.id]);
    // the database agrees: the partner sees no form row any more; the owner keeps it
    expect(rowsOf(await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select id from rights_consent_form where consent_id = ${consentId}`)))).toEqual([]);
    expect((await w.hzCw.rightsCase.consentForm({ id: consentId })).filename).toBe('授权书-王建国.pdf');
  });

  it('is not shared when the consent does not cover both documents and the worker’s identity', async () => {
    for (const scope of [['facts', 'documents'], ['worker_identity', 'facts']] as const) {
      const { id: caseId } = await w.hzCw.rightsCase.create(caseInput());
      const { id: consentId } = await w.hzCw.rightsCase.recordConsent({ ...consentFor(caseId, w.nb.slug), scope: [...scope] });
      const referral = await w.hzCw.referral.refer({ caseId, consentId });
      const read = await w.nbCw.referral.file({ id: referral.id });
      expect(read.access === 'granted' && read.consentForm).toBeNull();
      expect((await w.nbCw.referral.consentForm({ id: referral.id })).access).toBe('refused');
      expect(rowsOf(await withTenant(h.t.db, w.nb.id, (tx) => tx.execute(sql`select id from rights_consent_form where consent_id = ${consentId}`)))).toEqual([]);
      // the referrer still reads its own form through the referral
      expect((await w.hzCw.referral.consentForm({ id: referral.id })).access).toBe('granted');
    }
  });

  it('is NOT_FOUND to other federations, closed to other staff, and served over GET to the right side only', async () => {
    const { referral, consentId } = await referredCase(w);
    for (const caller of [w.sxCw, w.wzCw]) {
      await expectCode(caller.referral.consentForm({ id: referral.id }), 'NOT_FOUND');
      await expectCode(caller.rightsCase.consentForm({ id: consentId }), 'NOT_FOUND');
    }
    await expectCode(w.hzOfficer.rightsCase.consentForm({ id: consentId }), 'FORBIDDEN');
    const server = await startServer(h);
    try {
      const [hzCookie, nbCookie, sxCookie] = [
        await signInCookie(server.url, await makeStaff(h, w.hz, ['caseworker'])),
        await signInCookie(server.url, await makeStaff(h, w.nb, ['caseworker'])),
        await signInCookie(server.url, await makeStaff(h, w.sx, ['caseworker'])),
      ];
      const own = await fetch(`${server.url}/api/rights/consents/${consentId}/form`, { headers: { Cookie: hzCookie } });
      expect([own.status, own.headers.get('content-type'), own.headers.get('x-content-type-options')]).toEqual([200, 'application/pdf', 'nosniff']);
      await own.arrayBuffer();
      const partner = await fetch(`${server.url}/api/referrals/${referral.id}/consent-form`, { headers: { Cookie: nbCookie } });
      expect(partner.status).toBe(200);
      expect(Buffer.from(await partner.arrayBuffer()).equals(CONSENT_FORM_PDF)).toBe(true);
      for (const [url, cookie] of [
        [`/api/rights/consents/${consentId}/form`, nbCookie],
        [`/api/referrals/${referral.id}/consent-form`, sxCookie],
      ] as const) {
        const r = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie } });
        expect(r.status).toBe(404);
        await r.arrayBuffer();
      }
    } finally {
      await server.close();
    }
  });
});
