import { federations, users, withoutTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANGYONG_TITLE } from '../../seed/agreements.ts';
import { seedDemo } from '../../seed/demo.ts';
import { asDemoStaff } from '../../seed/itemsDemo.ts';
import { callerFor, createHarness, type Harness } from '../../test/harness.ts';
import { cooperationProviders } from './cooperation.provider.ts';
import { reportsAwaitingMyConfirmation } from './report.query.ts';

// The cooperation overview and annual report over the demo world this file seeds for itself: every
// figure reconciles with the module pages, the frozen hash verifies and breaks on an edit, parallel
// confirmations freeze once, non-parties see nothing. Tests that write use a year of their own.

describe('cooperation overview and annual report', () => {
  let h: Harness;
  let agreementId: string;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h.t.db, h.env);
    const hz = await callerOf('hangzhou', 'admin');
    agreementId = (await hz.agreement.list()).find((a) => a.title === HANGYONG_TITLE)!.id;
  }, 300_000);
  afterAll(() => h.close());

  async function callerOf(slug: string, local: string) {
    const [fed] = await withoutTenant(h.t.db, (tx) => tx.select().from(federations).where(eq(federations.slug, slug)));
    const [user] = await withoutTenant(h.t.db, (tx) => tx.select().from(users).where(eq(users.email, `${local}@${slug}.demo`)));
    return callerFor(h, { id: user!.id, email: user!.email }, { id: fed!.id, slug, rootUnitId: '' });
  }
  type Caller = Awaited<ReturnType<typeof callerOf>>;

  const year = () => Number(new Date().toISOString().slice(0, 4));

  // Each commons' figures as its own pages show them (their procedures, not the providers).
  const pages: Record<string, (c: Caller, y: number) => Promise<Record<string, number>>> = {
    async items(c, y) {
      const t = await c.jointItem.timeline({ agreementId });
      const ms = t.items.flatMap((i) => i.milestones).filter((m) => m.dueDate.startsWith(String(y)));
      const n = (s: string) => t.items.filter((i) => i.status === s).length;
      return { items: t.items.length, done: n('done'), in_progress: n('in_progress'), delayed: n('delayed'), milestones: ms.length, milestones_done: ms.filter((m) => m.status === 'done').length, milestones_overdue: ms.filter((m) => m.overdue).length };
    },
    async recuperation(c, y) {
      const { flows } = await c.recuperation.quota.panel({ agreementId, year: y });
      const sum = (k: 'granted' | 'used' | 'released') => flows.reduce((n, f) => n + f[k], 0);
      return { granted: sum('granted'), used: sum('used'), released: sum('released') };
    },
    async programme(c) {
      const panel = (await c.dashboard.panels({ scope: 'agreement', agreementId, modules: ['programme'] })).panels[0]!;
      const stats = (panel.view as { stats: { key: string; value: number }[] }).stats;
      return { sessions: stats.find((s) => s.key === 'sessions')!.value, attendances: stats.find((s) => s.key === 'attendances')!.value, people: stats.find((s) => s.key === 'people')!.value };
    },
    async contest(c) {
      const panel = (await c.dashboard.panels({ scope: 'agreement', agreementId, modules: ['contest'] })).panels[0]!;
      const values = (panel.view as { values: number[][] }).values;
      return { entrants: values.reduce((n, r) => n + r[0]!, 0), awards: values.reduce((n, r) => n + r[1]!, 0), titles: values.reduce((n, r) => n + r[2]!, 0) };
    },
    async rights(c, y) {
      const all = (await c.referral.list({ side: 'all' })).filter((r) => r.agreementId === agreementId && r.createdAt.startsWith(String(y)));
      const resolved = all.filter((r) => ['resolved', 'followed_up', 'archived'].includes(r.status));
      return { referrals: all.length, resolved: resolved.length, recovered: Math.round(resolved.reduce((n, r) => n + (r.amountRecoveredFen ?? 0), 0) / 100) };
    },
    async mechanism(c, y) {
      const meetings = (await c.meeting.list({ agreementId })).filter((m) => m.meetingDate.startsWith(String(y)));
      const held = meetings.filter((m) => m.status === 'held');
      const decisions = (await Promise.all(held.map((m) => c.meeting.get({ id: m.id })))).flatMap((m) => m.decisions);
      return { liaison_pairs: (await c.liaison.list({ agreementId })).length, meetings_held: held.length, meetings_planned: meetings.length - held.length, decisions: decisions.length, decisions_to_items: decisions.filter((d) => d.jointItemId).length };
    },
  };

  it('shows every commons of the demo agreement, each figure equal to the one on the module pages', async () => {
    const registered = cooperationProviders().map((p) => p.commons);
    expect(Object.keys(pages).sort()).toEqual([...registered].sort());
    for (const slug of ['hangzhou', 'ningbo']) {
      const c = await callerOf(slug, 'admin');
      const overview = await c.cooperation.overview({ agreementId, year: year() });
      // the demo makes every commons meaningful this year
      expect(overview.sections.map((s) => s.commons).sort()).toEqual([...registered].sort());
      for (const s of overview.sections) {
        const expected = await pages[s.commons]!(c, year());
        for (const [key, value] of Object.entries(expected)) {
          expect({ slug, commons: s.commons, key, value: s.figures.find((f) => f.key === key)?.value }).toEqual({ slug, commons: s.commons, key, value });
        }
        expect(s.figures.some((f) => f.value > 0), `${s.commons} has figures`).toBe(true);
      }
      const recuperation = overview.sections.find((s) => s.commons === 'recuperation')!;
      expect(recuperation.directions.map((d) => `${d.from}>${d.to}`).sort()).toEqual(['hangzhou>ningbo', 'ningbo>hangzhou']);
    }
  }, 120_000);

  it('exports the figure tables to Excel, the same figures as the overview', async () => {
    const hz = await callerOf('hangzhou', 'signer');
    const overview = await hz.cooperation.overview({ agreementId, year: year() });
    const file = await hz.cooperation.report.xlsx({ agreementId, year: year() });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('数据')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 4));
    expect(rows).toEqual(overview.sections.flatMap((s) => s.figures.map((f) => [s.title.zh, f.label.zh, f.value])));
    const ways = wb.getWorksheet('双向互用')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(2, 5));
    expect(ways).toEqual(overview.sections.flatMap((s) => s.directions.map((d) => [d.label.zh, d.allowed ?? undefined, d.used])));
  }, 60_000);

  it('sums the federation\'s active agreements for the year (here the one in force)', async () => {
    const hz = await callerOf('hangzhou', 'admin');
    const overview = await hz.cooperation.overview({ agreementId, year: year() });
    const fed = await hz.cooperation.federationReport({ year: year() });
    expect(fed.agreements.map((a) => a.title)).toEqual([HANGYONG_TITLE]);
    for (const s of overview.sections) {
      const sum = fed.sections.find((x) => x.commons === s.commons)!;
      expect(sum.figures.map((f) => [f.key, f.value])).toEqual(s.figures.map((f) => [f.key, f.value]));
    }
    expect((await (await callerOf('shaoxing', 'admin')).cooperation.federationReport({ year: year() })).agreements).toEqual([]);
  }, 60_000);

  it('freezes with a hash that verifies, and that stops verifying when a stored figure is edited', async () => {
    const y = year() - 1;
    const hz = await callerOf('hangzhou', 'signer');
    const nb = await callerOf('ningbo', 'signer');
    const draft = await hz.cooperation.report.generate({ agreementId, year: y });
    await hz.cooperation.report.confirm({ agreementId, year: y, contentHash: draft.contentHash });
    const frozen = await nb.cooperation.report.confirm({ agreementId, year: y, contentHash: draft.contentHash });
    expect(frozen.status).toBe('frozen');
    expect(frozen.contentHash).toBe(draft.contentHash);
    expect(await nb.cooperation.report.verify({ agreementId, year: y })).toMatchObject({ matches: true });
    await expect(hz.cooperation.report.comment({ agreementId, year: y, commentary: '再改一次' })).rejects.toMatchObject({ cause: { code: 'REPORT_FROZEN' } });

    // a stored figure changed behind the service (the first figure of the first section, +1)
    // (as the database owner, the way someone with direct access would)
    const edited = await h.t.query(
      `update cooperation_report set content = jsonb_set(content, '{overview,sections,0,figures,0,value}', ((content #>> '{overview,sections,0,figures,0,value}')::int + 1)::text::jsonb) where id = $1 returning id`,
      [frozen.id],
    );
    expect(edited).toHaveLength(1);
    const v = await hz.cooperation.report.verify({ agreementId, year: y });
    expect(v.matches).toBe(false);
    expect(v.storedHash).toBe(draft.contentHash);
  }, 60_000);

  it('confirms each party once, freezes once under parallel confirmations, and refuses a stale draft', async () => {
    const y = year();
    const hz = await callerOf('hangzhou', 'signer');
    const nb = await callerOf('ningbo', 'signer');
    const hzOfficer = await callerOf('hangzhou', 'officer');
    const first = await hz.cooperation.report.generate({ agreementId, year: y });
    const commented = await nb.cooperation.report.comment({ agreementId, year: y, commentary: '宁波方：疗休养互享成效明显。' });
    expect(commented.contentHash).not.toBe(first.contentHash);
    // confirming what was reviewed before the commentary: stale
    await expect(hz.cooperation.report.confirm({ agreementId, year: y, contentHash: first.contentHash })).rejects.toMatchObject({ cause: { code: 'REPORT_CHANGED' } });
    // an officer may edit but not confirm
    await expect(hzOfficer.cooperation.report.confirm({ agreementId, year: y, contentHash: commented.contentHash })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const hash = commented.contentHash;
    const results = await Promise.allSettled([
      hz.cooperation.report.confirm({ agreementId, year: y, contentHash: hash }),
      hz.cooperation.report.confirm({ agreementId, year: y, contentHash: hash }),
      nb.cooperation.report.confirm({ agreementId, year: y, contentHash: hash }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.cause.code)).toEqual(['ALREADY_CONFIRMED']);
    const final = await nb.cooperation.report.get({ agreementId, year: y });
    expect(final.status).toBe('frozen');
    expect(final.confirmations.map((c) => c.party).sort()).toEqual(['hangzhou', 'ningbo']);
    const frozenEvents = await h.t.query<{ n: number }>(`select count(*)::int as n from audit_event where type = 'cooperation.report_frozen' and entity_id = $1`, [final.id]);
    expect(frozenEvents[0]!.n).toBe(2); // once in each party's chain
  }, 60_000);

  it('lists the drafts waiting for my federation, and answers NOT_FOUND to a non-party', async () => {
    const y = year() + 1;
    const hz = await callerOf('hangzhou', 'signer');
    const draft = await hz.cooperation.report.generate({ agreementId, year: y });
    const waiting = (slug: string) => asDemoStaff(h.t.db, h.env, slug, 'signer', new Date(), (ctx) => reportsAwaitingMyConfirmation(ctx));
    expect((await waiting('ningbo')).map((w) => w.id)).toContain(draft.id);
    // and it is on the Ningbo signatory's to-do list, linked to the report's year
    const nbTodo = await (await callerOf('ningbo', 'signer')).home.todo();
    expect(nbTodo.items.find((i) => i.key === `report.confirm:${draft.id}`)).toMatchObject({ module: 'report', link: { params: { agreementId }, search: { year: y } } });
    await hz.cooperation.report.confirm({ agreementId, year: y, contentHash: draft.contentHash });
    expect((await waiting('hangzhou')).map((w) => w.id)).not.toContain(draft.id);
    expect((await waiting('ningbo')).map((w) => w.id)).toContain(draft.id);
    expect(await waiting('shaoxing')).toEqual([]);
    const sx = await callerOf('shaoxing', 'admin');
    for (const call of [
      () => sx.cooperation.overview({ agreementId, year: y }),
      () => sx.cooperation.report.get({ agreementId, year: y }),
      () => sx.cooperation.report.pdf({ agreementId, year: y }),
      () => sx.cooperation.report.xlsx({ agreementId, year: y }),
      () => sx.cooperation.report.generate({ agreementId, year: y }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  }, 60_000);
});
