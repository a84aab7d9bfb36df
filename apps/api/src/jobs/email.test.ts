import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender, deliverOutbox } from '../mail/mailer.ts';
import { callerFor, createHarness, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../test/harness.ts';
import { decodeHeader, startSmtpSink, type SmtpSink } from './test/smtpSink.ts';

describe('email through a real SMTP server', () => {
  let h: Harness;
  let smtp: SmtpSink;
  let A: TestFederation, B: TestFederation;
  let bZh: TestUser, bEn: TestUser, bOfficer: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    smtp = await startSmtpSink();
    [A, B] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb')];
    bZh = await makeStaff(h, B, ['signatory']);
    bEn = await makeStaff(h, B, ['admin', 'signatory']);
    bOfficer = await makeStaff(h, B, ['officer']);
    // the owner's connection: app_user has no update policy for another user's locale
    await h.t.query(`update app_user set locale = 'en' where id = $1`, [bEn.id]);
  });
  afterAll(async () => {
    await smtp?.close();
    await h?.close();
  });

  it('decodes encoded-word subjects', () => {
    expect(decodeHeader('=?UTF-8?B?6K+3562+572y?= =?UTF-8?Q?_abc?=')).toBe('请签署 abc');
  });

  describe('when an agreement is sent for signature', () => {
    it("emails the other party's signatories, each in their own language", async () => {
      const a = await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A);
      const { id } = await a.agreement.create({ partySlugs: [B.slug], fromTemplate: 'twin-city-five-commons' });
      let g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      g = await a.agreement.get({ id });
      await a.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
      g = await a.agreement.get({ id });

      const sent = await deliverOutbox(h.t.db, createSender({ SMTP_URL: smtp.url, MAIL_FROM: 'Union Commons <noreply@union-commons.test>' }));
      expect(sent).toBeGreaterThan(0);

      const zh = await smtp.waitFor((m) => m.to.includes(bZh.email) && m.subject.includes('请签署协议'));
      expect(zh.subject).toContain(g.title);
      expect(zh.from).toBe('noreply@union-commons.test');
      expect(zh.text).toContain(`/t/${B.slug}/agreements/${id}`);
      expect(zh.text).toContain(g.currentVersion.contentHash!);

      const en = await smtp.waitFor((m) => m.to.includes(bEn.email) && m.subject.includes('Please sign'));
      expect(en.subject).toContain(g.title);
      expect(en.subject).not.toContain('请签署协议');
      expect(en.subject.startsWith('[Union Commons] ')).toBe(true);
      expect(zh.subject.startsWith('【工会协作平台】')).toBe(true);

      // only signatories are asked to sign
      expect(smtp.received.some((m) => m.to.includes(bOfficer.email) && m.subject.includes('请签署协议'))).toBe(false);
      const pending = await h.t.query<{ n: string }>(`select count(*) as n from outbox where status <> 'sent'`);
      expect(Number(pending[0]!.n)).toBe(0);
    });
  });
});
