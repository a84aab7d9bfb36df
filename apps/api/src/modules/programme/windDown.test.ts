import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { runAgreementWindDown } from '../agreement/index.ts';
import { makeMembers, makeOpenSession, makeProgrammeWorld, registerFor, requestFor, TODAY, type ProgrammeWorld } from './programme.testkit.ts';

// Requests waiting for the home federation's approval (decision 0051) on an agreement that ends
// (decision 0038): the partner's members are told once and their requests closed with the reason;
// the host's own members' requests stay (the host decides whether its event goes on). And the
// member's 我的 page lists what is still waiting, with its withdrawal (decision 0057).

describe('waiting programme requests', () => {
  let h: Harness;
  let w: ProgrammeWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeProgrammeWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  it('show on the member’s 我的 page with their state and a withdrawal: a request and a waitlisted registration', async () => {
    h.setNow(TODAY);
    const [a, b] = await makeMembers(h, w.nb, 2);
    const asked = await makeOpenSession(w, { capacity: 2, homeApproval: true });
    const full = await makeOpenSession(w, { capacity: 2, seatsPerCity: 1 });
    const req = await requestFor(a!, asked.sessionId);
    await registerFor(b!, full.sessionId);
    const waiting = (await registerFor(a!, full.sessionId)).ticket;
    expect(waiting.status).toBe('waitlisted');
    const home = await a!.caller.home.mine();
    const section = home.sections.find((s) => s.key === 'requests')!;
    expect(section.rows.map((r) => [r.status, r.withdraw]).sort((x, y) => String(x[0]).localeCompare(String(y[0])))).toEqual([
      ['applied', { kind: 'request', id: req.id }],
      ['waitlisted', { kind: 'registration', id: waiting.id }],
    ]);
    // the waitlisted one is not also a ticket
    expect(home.sections.find((s) => s.key === 'tickets')?.rows.map((r) => r.id) ?? []).not.toContain(waiting.id);
    // both withdrawals are allowed to the member, and the section empties
    await a!.caller.programme.request.withdraw({ id: req.id });
    await a!.caller.programme.registration.cancel({ id: waiting.id, reason: '' });
    expect((await a!.caller.home.mine()).sections.find((s) => s.key === 'requests')).toBeUndefined();
    // b, holding a seat, has a ticket and nothing waiting
    expect((await b!.caller.home.mine()).sections.map((s) => s.key)).toContain('tickets');
  });

  it('when the agreement ends, the partner’s members waiting for approval are told once and their requests closed', async () => {
    // a world of its own: its agreement ends (the tests run in any order)
    const w = await makeProgrammeWorld(h);
    const s = await makeOpenSession(w, { capacity: 10, homeApproval: true });
    const nb = await makeMembers(h, w.nb, 3);
    const [own] = await makeMembers(h, w.hz, 1);
    const waiting = [await requestFor(nb[0]!, s.sessionId), await requestFor(nb[1]!, s.sessionId)];
    const approved = await requestFor(nb[2]!, s.sessionId);
    await w.nbStaff.programme.request.decide({ id: approved.id, decision: 'approve' });
    const ownRequest = await requestFor(own!, s.sessionId);

    const g = await w.hzStaff.agreement.get({ id: w.agreementId });
    await w.hzStaff.agreement.terminate({ id: w.agreementId, rowVersion: g.rowVersion, reason: '双方协商一致终止' });
    await runAgreementWindDown(h.t.db, h.now(), h.env);
    // a second pass finds the parties wound down and does nothing
    expect((await runAgreementWindDown(h.t.db, h.now(), h.env)).wound).toEqual([]);

    const rows = await h.t.query<{ id: string; status: string; decision_reason: string | null }>(`select id, status, decision_reason from programme_request where event_id = $1`, [s.eventId]);
    const of = (id: string) => rows.find((r) => r.id === id)!;
    for (const r of waiting) expect(of(r.id)).toMatchObject({ status: 'refused', decision_reason: expect.stringContaining('两地合作协议已结束') });
    expect(of(approved.id).status).toBe('approved');
    expect(of(ownRequest.id).status).toBe('applied');
    // each told once, in-app (and by email through the outbox)
    for (const m of nb.slice(0, 2)) {
      const told = (await m.caller.notification.list()).items.filter((n) => n.kind === 'programme.request_closed');
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain('两地合作协议已结束');
    }
    expect((await nb[2]!.caller.notification.list()).items.filter((n) => n.kind === 'programme.request_closed')).toEqual([]);
    expect((await own!.caller.notification.list()).items.filter((n) => n.kind === 'programme.request_closed')).toEqual([]);
    const mails = await h.t.query<{ tenant_id: string }>(`select tenant_id from outbox where subject like '%活动报名申请已关闭%'`);
    expect(mails.map((x) => x.tenant_id)).toEqual([w.nb.id, w.nb.id]);
    // audited in the home federation's chain; the host's staff read what was done
    const audit = await h.t.query<{ tenant_id: string }>(`select tenant_id from audit_event where type = 'programme.request_closed' and tenant_id = any($1::uuid[])`, [[w.nb.id, w.hz.id]]);
    expect(audit.map((x) => x.tenant_id)).toEqual([w.nb.id, w.nb.id]);
    const [hzNotice] = (await w.hzStaff.notification.list()).items.filter((n) => n.kind === 'agreement.wound_down');
    expect(hzNotice!.body).toContain('关闭对方会员待本会审核的活动报名申请 2 个');
  });
});
