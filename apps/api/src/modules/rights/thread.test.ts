import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeRightsWorld, referredCase, type RightsWorld } from './rights.testkit.ts';

// The secure thread per referral (issue 11): the caseworkers of the two federations on it write and
// read it; nobody else sees it; the performer loses it with the worker's consent; every read is on
// the access log and every message in the author's audit chain.

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
    // another Ningbo caseworker sees the same thread
    expect((await w.nbCw2.referral.thread({ id: referral.id })).access).toBe('granted');
    // every read is logged on the shared access log, as a read of the thread
    const log = await w.hzCw.referral.accessLog({ id: referral.id });
    expect(log.filter((a) => a.reason === 'thread' && a.outcome === 'read').map((a) => a.reader.slug).sort()).toEqual([w.nb.slug, w.nb.slug]);
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
});
