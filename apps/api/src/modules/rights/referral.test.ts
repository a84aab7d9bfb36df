import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { makeMembers } from '../recuperation/recuperation.testkit.ts';
import { runRightsSla } from './sla.job.ts';
import { caseInput, consentFor, makeRightsWorld, MONDAY, referredCase, type RightsWorld } from './rights.testkit.ts';

// A Hangzhou case referred to Ningbo, through every step; consent, the file and its access log;
// transfer and return keeping the clock; the SLA pass sending each alert once.

const DAY = 86_400_000;

describe('rights referrals', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 60_000);
  afterAll(() => h.close());

  describe('a case and its consent', () => {
    it('keeps the ID number encrypted and masked, and flags the same worker against the same employer within 90 days', async () => {
      const input = caseInput();
      const first = await w.hzCw.rightsCase.create(input);
      expect(first.duplicates).toEqual([]);
      const second = await w.hzCw.rightsCase.create({ ...input, linkedCaseId: first.id });
      expect(second.duplicates.map((d) => d.id)).toEqual([first.id]);
      const c = await w.hzCw.rightsCase.get({ id: second.id });
      expect(c.idNumberMasked).toMatch(/^330102\*{8}\w{4}$/);
      expect(c.linkedCaseId).toBe(first.id);
      const [raw] = await h.t.query<{ id_number_enc: string }>(`select id_number_enc from rights_case where id = $1`, [second.id]);
      expect(raw!.id_number_enc).not.toContain(input.idNumber!.slice(6, 14));
      // another employer: no flag
      expect((await w.hzCw.rightsCase.create({ ...input, employerName: '别家公司', employerCreditCode: '' })).duplicates).toEqual([]);
    });

    it('refuses a referral without the worker’s consent for that partner, in the service and in the database', async () => {
      const { id: caseId } = await w.hzCw.rightsCase.create(caseInput());
      const { id: otherCase } = await w.hzCw.rightsCase.create(caseInput());
      const { id: consentOther } = await w.hzCw.rightsCase.recordConsent(consentFor(otherCase, w.nb.slug));
      await expectCode(w.hzCw.referral.refer({ caseId, consentId: consentOther }), 'CONSENT_REQUIRED');
      const { id: consentId } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.nb.slug));
      await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '本人撤回' });
      await expectCode(w.hzCw.referral.refer({ caseId, consentId }), 'CONSENT_REQUIRED');
      // the database itself: a referral naming a withdrawn (or no) consent is refused
      await expect(
        h.t.query(
          `insert into rights_referral (tenant_id, case_id, performer_tenant_id, consent_id, agreement_id, dispute_kind, status) values ($1, $2, $3, $4, gen_random_uuid(), 'wage_arrears', 'submitted')`,
          [w.hz.id, caseId, w.nb.id, consentId],
        ),
      ).rejects.toThrow(/consent/);
      // a partner no agreement covers
      const { id: sxConsent } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.sx.slug));
      await expectCode(w.hzCw.referral.refer({ caseId, consentId: sxConsent }), 'NOT_COVERED');
    });
  });

  describe('the referral’s life', () => {
    it('goes submitted → accepted → in progress ⇄ on hold → resolved → followed up → archived, with a timeline both sides see', async () => {
      const { referral } = await referredCase(w);
      const id = referral.id;
      expect(referral).toMatchObject({ status: 'submitted', rowVersion: 1 });
      expect((await w.nbCw.referral.list({ side: 'received' })).map((r) => r.id)).toContain(id);
      // the performer's steps are not the referrer's, and the reverse
      await expectCode(w.hzCw.referral.accept({ id, rowVersion: 1 }), 'FORBIDDEN');
      let v = (await w.nbCw.referral.accept({ id, rowVersion: 1 })).rowVersion;
      await expectCode(w.nbCw.referral.resolve({ id, rowVersion: v, outcome: 'mediated' }), 'REFERRAL_STATE');
      v = (await w.nbCw.referral.start({ id, rowVersion: v, assignee: '宁波市法律援助中心' })).rowVersion;
      h.advance(2 * 3_600_000);
      v = (await w.nbCw.referral.hold({ id, rowVersion: v, reason: '等待当事人补充工资条' })).rowVersion;
      const held = await w.hzCw.referral.get({ id });
      expect(held.status).toBe('on_hold');
      expect(held.clocks.find((c) => c.kind === 'resolve')!.state).toBe('paused');
      h.advance(3 * DAY);
      const still = await w.hzCw.referral.get({ id });
      expect(still.clocks.find((c) => c.kind === 'resolve')!.elapsedDays).toBe(held.clocks.find((c) => c.kind === 'resolve')!.elapsedDays);
      v = (await w.nbCw.referral.resume({ id, rowVersion: v })).rowVersion;
      expect((await w.nbCw.referral.get({ id })).status).toBe('in_progress');
      v = (await w.nbCw.referral.action({ id, rowVersion: v, kind: 'mediation', date: '2026-11-27', note: '组织劳资双方调解' })).rowVersion;
      v = (await w.nbCw.referral.resolve({ id, rowVersion: v, outcome: 'mediated', amountRecoveredFen: 3_500_000, note: '调解成功' })).rowVersion;
      await expectCode(w.nbCw.referral.followUp({ id, rowVersion: v, satisfaction: 5 }), 'FORBIDDEN');
      v = (await w.hzCw.referral.followUp({ id, rowVersion: v, satisfaction: 5, note: '当事人满意' })).rowVersion;
      await w.hzCw.referral.archive({ id, rowVersion: v });
      const done = await w.nbCw.referral.get({ id });
      expect(done).toMatchObject({ status: 'archived', outcome: 'mediated', amountRecoveredFen: 3_500_000, assignee: '宁波市法律援助中心', side: 'received' });
      expect(done.events.map((e) => e.type)).toEqual(['submit', 'accept', 'start', 'hold', 'resume', 'action', 'resolve', 'follow_up', 'archive']);
      expect(done.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // the outcome went back to the referrer: a notice, and its board counts the amount
      const notices = (await w.hzCw.notification.list()).items.filter((n) => n.link?.endsWith(id));
      expect(notices.some((n) => n.title.includes('办结'))).toBe(true);
      const board = await w.hzCw.referral.board();
      expect(board.outcomes.find((o) => o.partner.slug === w.nb.slug)!.amountRecoveredFen).toBeGreaterThanOrEqual(3_500_000);
      // the year's ledger, both sides, without the worker's name
      for (const c of [w.hzCw, w.nbCw]) {
        const file = await c.referral.ledger({ year: 2026 });
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
        const sheet = book.worksheets[0]!;
        const row = sheet.getRows(4, sheet.rowCount - 3)!.find((r) => r.getCell(12).text !== '' && r.getCell(9).value === 35_000);
        expect(row, 'the resolved referral is in the ledger').toBeTruthy();
        expect(row!.getCell(8).text).toBe('调解成功');
        expect(JSON.stringify(sheet.getSheetValues())).not.toContain('王建国');
      }
      // each side's audit chain has its own steps and stays intact
      for (const c of [w.hzAdmin, w.nbAdmin]) expect(await c.audit.verify()).toMatchObject({ ok: true });
    });

    it('refuses a step on a stale version', async () => {
      const { referral } = await referredCase(w);
      await w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 });
      await expectCode(w.nbCw2.referral.return({ id: referral.id, rowVersion: 1, reason: '不属于本地管辖' }), 'STALE_VERSION');
    });

    it('keeps the accept clock through a return, a re-send and a transfer', async () => {
      const { caseId, referral } = await referredCase(w);
      const id = referral.id;
      h.advance(DAY);
      let v = (await w.nbCw.referral.return({ id, rowVersion: 1, reason: '用人单位不在本市' })).rowVersion;
      const afterReturn = (await w.hzCw.referral.get({ id })).clocks.find((c) => c.kind === 'accept')!;
      expect(afterReturn.state).toBe('stopped');
      expect(afterReturn.elapsedDays).toBeGreaterThan(0.9);
      // transfer: not to a federation no agreement covers, not without consent for the new partner
      const { id: sxConsent } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.sx.slug));
      await expectCode(w.hzCw.referral.transfer({ id, rowVersion: v, consentId: sxConsent, reason: '移交' }), 'NOT_COVERED');
      const { id: wzConsent } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.wz.slug));
      // only the referrer approves a transfer
      await expectCode(w.nbCw.referral.transfer({ id, rowVersion: v, consentId: wzConsent, reason: '移交' }), 'FORBIDDEN');
      v = (await w.hzCw.referral.transfer({ id, rowVersion: v, consentId: wzConsent, reason: '用人单位注册地在温州' })).rowVersion;
      const moved = await w.wzCw.referral.get({ id });
      expect(moved).toMatchObject({ status: 'submitted', performer: { slug: w.wz.slug } });
      const clock = moved.clocks.find((c) => c.kind === 'accept')!;
      expect(clock.state).toBe('running');
      expect(clock.elapsedDays).toBeGreaterThanOrEqual(afterReturn.elapsedDays);
      // Ningbo no longer sees it at all
      await expectCode(w.nbCw.referral.get({ id }), 'NOT_FOUND');
      await expectCode(w.nbCw.referral.file({ id }), 'NOT_FOUND');
      expect((await w.wzCw.referral.file({ id })).access).toBe('granted');
      await w.wzCw.referral.accept({ id, rowVersion: v });
    });

    it('transfers with the worker’s consent recorded in the same call, and a refused transfer leaves no consent behind', async () => {
      // where a case can go: parties to an agreement in force that covers rights
      expect((await w.hzCw.referral.partners()).map((f) => f.slug).sort()).toEqual([w.nb.slug, w.wz.slug].sort());
      expect((await w.nbCw.referral.partners()).map((f) => f.slug)).toEqual([w.hz.slug]);
      const { caseId, consentId, referral } = await referredCase(w);
      const id = referral.id;
      const v = (await w.nbCw.referral.return({ id, rowVersion: 1, reason: '用人单位不在本市' })).rowVersion;
      const { caseId: _drop, ...consent } = consentFor(caseId, w.sx.slug);
      const consents = async () => (await h.t.query(`select 1 from rights_consent where case_id = $1`, [caseId])).length;
      await expectCode(w.hzCw.referral.transfer({ id, rowVersion: v, reason: '移交', consent }), 'NOT_COVERED');
      await expectCode(w.hzCw.referral.transfer({ id, rowVersion: v, reason: '移交', consent: { ...consent, partnerSlug: w.nb.slug } }), 'BAD_INPUT');
      await expectCode(w.hzCw.referral.transfer({ id, rowVersion: v, reason: '移交', consent: { ...consent, partnerSlug: w.wz.slug }, consentId }), 'BAD_INPUT');
      await expectCode(w.hzCw.referral.transfer({ id, rowVersion: v, reason: '移交' }), 'BAD_INPUT');
      expect(await consents()).toBe(1);
      await w.hzCw.referral.transfer({ id, rowVersion: v, reason: '用人单位注册地在温州', consent: { ...consent, partnerSlug: w.wz.slug } });
      expect(await consents()).toBe(2);
      expect((await w.wzCw.referral.get({ id })).status).toBe('submitted');
      expect((await w.wzCw.referral.file({ id })).access).toBe('granted');
    });

    it('lets the performer ask for a transfer that the referrer declines or approves, one request at a time', async () => {
      const { caseId, referral } = await referredCase(w);
      const id = referral.id;
      let v = (await w.nbCw.referral.accept({ id, rowVersion: 1 })).rowVersion;
      // only the performer asks, not to itself or back to the referrer, not to a federation that does not exist
      await expectCode(w.hzCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: w.wz.slug, reason: '移交' }), 'FORBIDDEN');
      await expectCode(w.nbCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: w.hz.slug, reason: '移交' }), 'BAD_INPUT');
      await expectCode(w.nbCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: 'no-such-city', reason: '移交' }), 'NOT_FOUND');
      // nothing to decline yet
      await expectCode(w.hzCw.referral.declineTransfer({ id, rowVersion: v, reason: '不同意' }), 'REFERRAL_STATE');
      v = (await w.nbCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: w.wz.slug, reason: '用人单位注册地在温州' })).rowVersion;
      const asked = await w.hzCw.referral.get({ id });
      expect(asked).toMatchObject({ status: 'accepted', transferRequest: { to: { slug: w.wz.slug }, reason: '用人单位注册地在温州' } });
      expect((await w.nbCw.referral.get({ id })).transferRequest?.to.slug).toBe(w.wz.slug);
      await expectCode(w.nbCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: w.sx.slug, reason: '再申请' }), 'REFERRAL_STATE');
      // declined: the referral stays with Ningbo, which may ask again
      await expectCode(w.nbCw.referral.declineTransfer({ id, rowVersion: v, reason: '不同意' }), 'FORBIDDEN');
      v = (await w.hzCw.referral.declineTransfer({ id, rowVersion: v, reason: '劳动合同履行地在宁波，请继续办理' })).rowVersion;
      expect(await w.nbCw.referral.get({ id })).toMatchObject({ status: 'accepted', transferRequest: null, performer: { slug: w.nb.slug } });
      v = (await w.nbCw.referral.requestTransfer({ id, rowVersion: v, partnerSlug: w.wz.slug, reason: '补充材料显示用工主体在温州' })).rowVersion;
      // approved by transferring with the worker's consent for Wenzhou: Wenzhou has it, the request is settled
      const { id: wzConsent } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.wz.slug));
      await w.hzCw.referral.transfer({ id, rowVersion: v, consentId: wzConsent, reason: '同意宁波申请' });
      const moved = await w.wzCw.referral.get({ id });
      expect(moved).toMatchObject({ status: 'submitted', transferRequest: null, performer: { slug: w.wz.slug } });
      expect(moved.events.map((e) => e.type)).toEqual(['submit', 'accept', 'request_transfer', 'decline_transfer', 'request_transfer', 'transfer']);
    });
  });

  describe('the shared case file', () => {
    it('logs every read on both sides and never shows internal notes or internal documents', async () => {
      const { referral, caseId } = await referredCase(w);
      const read = await w.nbCw.referral.file({ id: referral.id });
      if (read.access !== 'granted') throw new Error('refused');
      expect(read.file.documents.map((d) => d.name)).toEqual(['劳动合同.pdf']);
      expect(JSON.stringify(read)).not.toContain('内部研判');
      expect(JSON.stringify(read)).not.toContain('情绪激动');
      expect(read.file.idNumberMasked).toMatch(/\*{8}/);
      // the referral itself carries no personal data
      expect(JSON.stringify(await w.nbCw.referral.get({ id: referral.id }))).not.toContain('王建国');
      await w.hzCw.rightsCase.get({ id: caseId });
      for (const c of [w.hzCw, w.nbCw]) {
        const log = await c.referral.accessLog({ id: referral.id });
        expect(log.map((a) => [a.reader.slug, a.outcome]).sort()).toEqual([[w.hz.slug, 'read'], [w.nb.slug, 'read']].sort());
      }
      const audit = (await w.nbAdmin.audit.list({ limit: 50, type: 'rights.file_read' })).items.filter((e) => e.entityId === referral.id);
      expect(audit).toHaveLength(1);
    });

    it('refuses (and logs) the partner’s next read once the worker withdraws consent; what it did stays in the timeline', async () => {
      const { referral, consentId } = await referredCase(w);
      await w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 });
      expect((await w.nbCw.referral.file({ id: referral.id })).access).toBe('granted');
      await w.hzCw.rightsCase.withdrawConsent({ consentId, reason: '当事人不再委托' });
      expect(await w.nbCw.referral.file({ id: referral.id })).toEqual({ access: 'refused', reason: 'consent_withdrawn' });
      const r = await w.nbCw.referral.get({ id: referral.id });
      expect(r.consentActive).toBe(false);
      expect(r.events.at(-1)!.type).toBe('consent_withdrawn');
      // nor can Ningbo ask to hand the worker to yet another federation
      await expectCode(w.nbCw.referral.requestTransfer({ id: referral.id, rowVersion: r.rowVersion, partnerSlug: w.wz.slug, reason: '移交' }), 'CONSENT_REQUIRED');
      // straight from the database as Ningbo: the row-level policy hides the case
      const log = await w.hzCw.referral.accessLog({ id: referral.id });
      expect(log[0]).toMatchObject({ reader: { slug: w.nb.slug }, outcome: 'refused', reason: 'consent_withdrawn' });
      const refusals = (await w.nbAdmin.audit.list({ limit: 50, type: 'rights.file_read' })).items.filter((e) => e.entityId === referral.id && e.data.outcome === 'refused');
      expect(refusals).toHaveLength(1);
    });
  });

  describe('the worker', () => {
    it('sees their own case’s progress and nothing else; another member sees none', async () => {
      const [worker, other] = await makeMembers(h, w.hz, 2);
      const { referral } = await referredCase(w, { memberId: worker!.id });
      await w.nbCw.referral.accept({ id: referral.id, rowVersion: 1 });
      const mine = await worker!.caller.rightsCase.mine();
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ status: 'accepted', partner: { slug: w.nb.slug }, disputeKind: 'wage_arrears' });
      expect(JSON.stringify(mine)).not.toContain('情绪激动');
      expect(await other!.caller.rightsCase.mine()).toEqual([]);
      await expectCode(worker!.caller.referral.get({ id: referral.id }), 'FORBIDDEN');
      await expectCode(w.hzCw.rightsCase.mine(), 'FORBIDDEN');
    });
  });

  describe('the SLA pass', () => {
    it('escalates a breached accept clock to both sides once, however often and however many run it', async () => {
      h.setNow(MONDAY);
      // a walk-in case: the day clocks only (a hotline case also runs the hour clocks, sla.hotline.test.ts)
      const { referral } = await referredCase(w, { source: 'walk_in' });
      const start = h.now();
      // two working days later: a warning to Ningbo only
      const warnAt = new Date(start.getTime() + 2.2 * DAY);
      const warned = await runRightsSla(h.t.db, warnAt, h.env);
      expect(warned.alerted.filter((a) => a.referralId === referral.id)).toEqual([{ referralId: referral.id, clock: 'accept', level: 'warning' }]);
      // past three working days: the breach, once, even with two passes at the same moment
      const breachAt = new Date(start.getTime() + 3.5 * DAY);
      const runs = await Promise.all([runRightsSla(h.t.db, breachAt, h.env), runRightsSla(h.t.db, breachAt, h.env)]);
      const breaches = runs.flatMap((r) => r.alerted).filter((a) => a.referralId === referral.id && a.level === 'breach');
      expect(breaches).toHaveLength(1);
      expect((await runRightsSla(h.t.db, breachAt, h.env)).alerted.filter((a) => a.referralId === referral.id)).toEqual([]);
      const link = (n: { link: string | null }) => n.link?.endsWith(referral.id);
      expect((await w.nbAdmin.notification.list()).items.filter((n) => link(n) && n.kind === 'rights.sla_breach')).toHaveLength(1);
      expect((await w.hzCw.notification.list()).items.filter((n) => link(n) && n.kind === 'rights.sla_breach')).toHaveLength(1);
      expect((await w.hzCw.notification.list()).items.filter((n) => link(n) && n.kind === 'rights.sla_warning')).toHaveLength(0);
    });
  });
});
