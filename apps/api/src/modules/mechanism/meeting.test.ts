import { validationMessage } from '@uc/contracts/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { active, negotiating } from './mechanism.testkit.ts';

describe('joint meetings', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation, C: TestFederation, D: TestFederation;
  let a: Caller, b: Caller, c: Caller, d: Caller, bLead: Caller, bJudge: Caller;
  let aUser: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    [A, B, C, D] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx'), await makeFederation(h, 'wz')];
    aUser = await makeStaff(h, A, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    c = await callerFor(h, await makeStaff(h, C, ['admin', 'signatory']), C);
    d = await callerFor(h, await makeStaff(h, D, ['admin', 'signatory']), D);
    bLead = await callerFor(h, await makeStaff(h, B, ['lead']), B);
    bJudge = await callerFor(h, await makeStaff(h, B, ['judge']), B);
  });
  afterAll(() => h.close());

  const meet = (caller: Caller, agreementId: string, meetingDate: string, extra: { hostSlug?: string; title?: string; agenda?: string } = {}) =>
    caller.meeting.create({ agreementId, meetingDate, title: extra.title ?? `${meetingDate.slice(0, 4)}年度联席会议`, location: '杭州市总工会', hostSlug: extra.hostSlug, agenda: extra.agenda ?? '一、通报工作进展', attendees: [] });

  describe('when scheduling', () => {
    it('lets the two parties host in turn, starting with the initiator', async () => {
      const g = await active([a, b], [B.slug]);
      const hosts = [];
      for (const date of ['2025-03-01', '2026-03-01', '2027-03-01']) hosts.push((await meet(b, g.id, date)).hostSlug);
      expect(hosts).toEqual([A.slug, B.slug, A.slug]);
    });

    it('rotates through three parties in party order, and follows a host chosen by hand', async () => {
      const g = await active([a, b, d], [B.slug, D.slug]);
      const hosts = [];
      for (const date of ['2025-03-01', '2025-09-01', '2026-03-01', '2026-09-01']) hosts.push((await meet(a, g.id, date)).hostSlug);
      expect(hosts).toEqual([A.slug, B.slug, D.slug, A.slug]);
      expect((await meet(d, g.id, '2027-03-01', { hostSlug: D.slug })).hostSlug).toBe(D.slug);
      expect((await meet(d, g.id, '2027-09-01')).hostSlug).toBe(A.slug);
      await expectCode(meet(a, g.id, '2027-10-01', { hostSlug: C.slug }), 'BAD_INPUT');
    });

    it('proposes the host that scheduling without one would pick, for the date chosen', async () => {
      const g = await active([a, b, d], [B.slug, D.slug]);
      expect(await b.meeting.nextHost({ agreementId: g.id, meetingDate: '2025-03-01' })).toEqual({ slug: A.slug, nameZh: expect.any(String), nameEn: expect.any(String) });
      await meet(a, g.id, '2025-03-01');
      await meet(a, g.id, '2025-09-01', { hostSlug: D.slug });
      // after D's turn comes A again; a date between the two meetings follows the first one (A → B)
      const later = await d.meeting.nextHost({ agreementId: g.id, meetingDate: '2026-03-01' });
      const between = await d.meeting.nextHost({ agreementId: g.id, meetingDate: '2025-06-01' });
      expect([later.slug, between.slug]).toEqual([A.slug, B.slug]);
      expect((await meet(b, g.id, '2026-03-01')).hostSlug).toBe(later.slug);
    });

    it('notifies the other parties and audits the meeting for every party', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18', { title: '杭甬工会第一次联席会议', agenda: '  审议年度工作清单  ' });
      expect(m.agenda).toBe('审议年度工作清单');
      const bNotices = (await bLead.notification.list()).items.filter((n) => n.kind === 'meeting.scheduled');
      expect(bNotices.some((n) => n.title.includes('杭甬工会第一次联席会议') && n.body.includes('2025-06-18') && n.link?.includes(m.id))).toBe(true);
      expect((await a.notification.list()).items.some((n) => n.kind === 'meeting.scheduled' && n.link?.includes(m.id))).toBe(false);
      for (const caller of [a, b]) {
        const events = (await caller.audit.list({ type: 'meeting.created' })).items;
        expect(events.some((e) => e.entityId === m.id)).toBe(true);
      }
      expect((await b.meeting.list({ agreementId: g.id })).map((x) => x.id)).toEqual([m.id]);
    });

    it('refuses a meeting without its place or agenda, so no partner is told 地点：待定', async () => {
      const g = await active([a, b], [B.slug]);
      const base = { agreementId: g.id, meetingDate: '2025-07-01', title: '缺少细节的会议', attendees: [] };
      for (const blank of [{ location: '', agenda: '一、通报' }, { location: '杭州', agenda: '   ' }, { location: '  ', agenda: '' }]) {
        const issues = await b.meeting.create({ ...base, ...blank }).then(
          () => [],
          (e: { cause?: { issues?: { path: string[]; message: string }[] } }) => e.cause?.issues ?? [],
        );
        const said = Object.fromEntries(issues.map((i) => [i.path.join('.'), validationMessage(i.message, 'zh-CN')]));
        for (const field of ['location', 'agenda'] as const) expect(said[field]).toBe(blank[field].trim() ? undefined : '必填');
      }
      expect(await b.meeting.list({ agreementId: g.id })).toEqual([]);
      expect((await a.notification.list()).items.some((n) => n.body.includes('缺少细节的会议'))).toBe(false);
      // a meeting with its details tells the partner where; they cannot be blanked afterwards
      const m = await meet(a, g.id, '2025-07-02', { title: '细节齐全的会议' });
      const notice = (await bLead.notification.list()).items.find((n) => n.link?.includes(m.id));
      expect(notice?.body).toContain('地点：杭州市总工会');
      expect(notice?.body).not.toContain('待定');
      await expectCode(a.meeting.update({ id: m.id, rowVersion: m.rowVersion, location: ' ' }), 'BAD_REQUEST');
    });

    it('refuses a meeting before the agreement is in force, and a role that may not write', async () => {
      const g = await negotiating(a, [B.slug]);
      await expectCode(meet(a, g.id, '2025-03-01'), 'INVALID_TRANSITION');
      const inForce = await active([a, b], [B.slug]);
      await expectCode(meet(bJudge, inForce.id, '2025-03-01'), 'FORBIDDEN');
      expect((await meet(bLead, inForce.id, '2025-03-01')).hostSlug).toBe(A.slug);
    });
  });

  describe('when recording what happened', () => {
    it('records minutes, attendees and that the meeting was held; refuses a stale version', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const attendees = [
        { name: '王芳', federationSlug: A.slug, title: '常务副主席' },
        { name: '李强', federationSlug: B.slug, title: '常务副主席' },
      ];
      const agenda = '一、通报年度工作清单推进情况\n二、审议下一年度共建项目';
      const held = await b.meeting.update({ id: m.id, rowVersion: m.rowVersion, minutes: '会议听取了两地工作情况汇报……', attendees, agenda, status: 'held' });
      expect(held).toMatchObject({ status: 'held', attendees, agenda, minutes: '会议听取了两地工作情况汇报……', rowVersion: m.rowVersion + 1 });
      await expectCode(a.meeting.update({ id: m.id, rowVersion: m.rowVersion, location: '宁波' }), 'STALE_VERSION');
      await expectCode(a.meeting.update({ id: m.id, rowVersion: held.rowVersion, attendees: [{ name: '赵六', federationSlug: C.slug, title: '' }] }), 'BAD_INPUT');
      expect(await a.meeting.get({ id: m.id })).toEqual(held);
      const audit = (await a.audit.list({ type: 'meeting.updated' })).items.find((e) => e.entityId === m.id)!;
      expect((audit.data as { changes: string[] }).changes.sort()).toEqual(['agenda', 'attendees', 'minutes', 'status']);
    });
  });

  describe('when a decision becomes a joint item', () => {
    it('creates the item in one step, linked both ways, led by the chosen party over the rest of the term', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const decision = await b.meeting.addDecision({ meetingId: m.id, text: '两地联合开展新就业形态劳动者入会集中行动' });
      expect(decision).toMatchObject({ meetingId: m.id, jointItemId: null, createdBySlug: B.slug });
      const item = await a.meeting.decisionToItem({ decisionId: decision.id, kind: 'rights', leadSlug: B.slug });
      expect(item).toMatchObject({
        kind: 'rights',
        title: decision.text,
        leadSlug: B.slug,
        source: 'meeting',
        sourceRef: decision.id,
        startDate: '2025-06-18',
        endDate: g.termEnd,
        status: 'not_started',
        phase: null,
      });
      expect(item.sides.map((s) => s.partySlug)).toEqual([A.slug, B.slug]);
      expect((await b.meeting.get({ id: m.id })).decisions).toMatchObject([{ id: decision.id, jointItemId: item.id }]);
      expect((await b.jointItem.list({ agreementId: g.id })).filter((i) => i.source === 'meeting').map((i) => i.id)).toEqual([item.id]);
      expect((await b.audit.list({ type: 'joint_item.created' })).items.some((e) => e.entityId === item.id)).toBe(true);
    });

    it('turns a decision into an item only once', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const decision = await a.meeting.addDecision({ meetingId: m.id, text: '联合开展产业工人技能提升课题研究' });
      const input = { decisionId: decision.id, kind: 'project' as const, title: '产业工人技能提升联合课题', leadSlug: A.slug, startDate: '2025-07-01', endDate: '2026-06-30' };
      const item = await a.meeting.decisionToItem(input);
      expect(item).toMatchObject({ title: '产业工人技能提升联合课题', phase: 'initiation', startDate: '2025-07-01', endDate: '2026-06-30' });
      await expectCode(b.meeting.decisionToItem({ ...input, leadSlug: B.slug }), 'CONFLICT');
      expect((await a.jointItem.list({ agreementId: g.id })).filter((i) => i.sourceRef === decision.id)).toHaveLength(1);
    });

    it('refuses a lead that is not a party and dates that end before they start', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const decision = await a.meeting.addDecision({ meetingId: m.id, text: '互派干部挂职交流' });
      await expectCode(a.meeting.decisionToItem({ decisionId: decision.id, kind: 'programme', leadSlug: C.slug }), 'BAD_INPUT');
      await expectCode(a.meeting.decisionToItem({ decisionId: decision.id, kind: 'programme', leadSlug: A.slug, startDate: '2026-01-01', endDate: '2025-12-31' }), 'BAD_INPUT');
      expect((await a.meeting.get({ id: m.id })).decisions[0]!.jointItemId).toBeNull();
    });
  });

  describe('when the agreement is no longer in force', () => {
    it('keeps the meetings readable but refuses new meetings, decisions and items', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const decision = await a.meeting.addDecision({ meetingId: m.id, text: '每年互派观摩团' });
      const view = await a.agreement.get({ id: g.id });
      await a.agreement.terminate({ id: g.id, rowVersion: view.rowVersion, reason: '双方协商一致终止' });
      await expectCode(meet(a, g.id, '2026-06-18'), 'INVALID_TRANSITION');
      await expectCode(a.meeting.update({ id: m.id, rowVersion: m.rowVersion, minutes: '补记' }), 'INVALID_TRANSITION');
      await expectCode(a.meeting.addDecision({ meetingId: m.id, text: '新决定' }), 'INVALID_TRANSITION');
      await expectCode(a.meeting.decisionToItem({ decisionId: decision.id, kind: 'programme', leadSlug: A.slug }), 'INVALID_TRANSITION');
      expect((await b.meeting.get({ id: m.id })).decisions).toHaveLength(1);
    });
  });

  describe('when the caller is not a party', () => {
    it('answers NOT_FOUND for every meeting procedure', async () => {
      const g = await active([a, b], [B.slug]);
      const m = await meet(a, g.id, '2025-06-18');
      const decision = await a.meeting.addDecision({ meetingId: m.id, text: '共建职工疗休养基地' });
      const calls: [string, () => Promise<unknown>][] = [
        ['list', () => c.meeting.list({ agreementId: g.id })],
        ['get', () => c.meeting.get({ id: m.id })],
        ['nextHost', () => c.meeting.nextHost({ agreementId: g.id, meetingDate: '2026-06-18' })],
        ['create', () => meet(c, g.id, '2026-06-18')],
        ['update', () => c.meeting.update({ id: m.id, rowVersion: m.rowVersion, minutes: '无关方' })],
        ['addDecision', () => c.meeting.addDecision({ meetingId: m.id, text: '无关方' })],
        ['decisionToItem', () => c.meeting.decisionToItem({ decisionId: decision.id, kind: 'programme', leadSlug: C.slug })],
      ];
      for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e) => Promise.reject(new Error(`${name}: ${e.message}`)));
      const aInC = await callerFor(h, aUser, C);
      await expectCode(aInC.meeting.get({ id: m.id }), 'NOT_FOUND');
      // nothing was written: the meeting is as it was and the decision is still open
      const after = await a.meeting.get({ id: m.id });
      expect(after).toMatchObject({ rowVersion: m.rowVersion, minutes: '', decisions: [{ id: decision.id, jointItemId: null }] });
    });
  });
});
