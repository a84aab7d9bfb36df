import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ContestAspectDto } from '@uc/contracts';
import { members } from '@uc/db';
import { withTenant } from '@uc/db';
import { addMembership, callerFor, makeFederation, makeStaff, makeUser, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import { active } from '../mechanism/mechanism.testkit.ts';
import { idNumberFor } from '../member/member.testkit.ts';
import { sealIdNumber } from '../member/index.ts';

// A contest world for tests: Hangzhou (organiser) and Ningbo under an active agreement whose
// contests clause gives 20 entrants per city per event, Shaoxing outside it (a judging partner
// when asked), staff and judges in each, and members with birth dates.

export type Caller = Awaited<ReturnType<typeof callerFor>>;

/** 2026-11-21 10:00 in China */
export const TODAY = new Date('2026-11-21T02:00:00Z');
/** the day after registration closes (2026-12-10), 10:00 in China */
export const AFTER_CLOSE = new Date('2026-12-11T02:00:00Z');

export interface Judge {
  user: TestUser;
  caller: Caller;
}

export interface ContestWorld {
  hz: TestFederation;
  nb: TestFederation;
  sx: TestFederation;
  hzStaff: Caller;
  nbStaff: Caller;
  sxStaff: Caller;
  agreementId: string;
  judges: { hz: Judge[]; nb: Judge[]; sx: Judge[] };
}

async function judgesOf(h: Harness, fed: TestFederation, n: number): Promise<Judge[]> {
  const out: Judge[] = [];
  for (let i = 0; i < n; i++) {
    const user = await makeStaff(h, fed, ['judge']);
    out.push({ user, caller: await callerFor(h, user, fed) });
  }
  return out;
}

export async function makeContestWorld(h: Harness, opts: { judges?: number } = {}): Promise<ContestWorld> {
  h.setNow(TODAY);
  const hz = await makeFederation(h, 'hz');
  const nb = await makeFederation(h, 'nb');
  const sx = await makeFederation(h, 'sx');
  const staff = ['admin', 'signatory', 'officer'] as const;
  const hzStaff = await callerFor(h, await makeStaff(h, hz, [...staff]), hz);
  const nbStaff = await callerFor(h, await makeStaff(h, nb, [...staff]), nb);
  const sxStaff = await callerFor(h, await makeStaff(h, sx, [...staff]), sx);
  const g = await active([hzStaff, nbStaff], [nb.slug]);
  const n = opts.judges ?? 1;
  return { hz, nb, sx, hzStaff, nbStaff, sxStaff, agreementId: g.id, judges: { hz: await judgesOf(h, hz, n), nb: await judgesOf(h, nb, n), sx: await judgesOf(h, sx, n) } };
}

let idCounter = 70_000;

/** Members of a federation born on `birthDate` (default 1990-06-01). */
export async function makeContestants(h: Harness, fed: TestFederation, n: number, birthDate = '1990-06-01'): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), name: `选手${fed.slug.slice(0, 2)}${i}`, idNumber: idNumberFor(idCounter++, '330203') }));
  await withTenant(h.t.db, fed.id, (tx) =>
    tx.insert(members).values(rows.map((r) => ({ tenantId: fed.id, id: r.id, orgUnitId: fed.rootUnitId, name: r.name, gender: 'male', mobile: '13800000000', birthDate, ...sealIdNumber(h.env.memberIdKey, r.idNumber) }))),
  );
  return rows.map((r) => r.id);
}

export async function makeContest(w: ContestWorld, opts: { partners?: string[] } = {}) {
  return w.hzStaff.contest.create({ agreementId: w.agreementId, title: '2026年杭甬结对城市职工技能竞赛', year: 2026, judgingPartnerSlugs: opts.partners ?? [w.sx.slug] });
}

export async function makeEvent(w: ContestWorld, contestId: string, opts: { quotaPerCity?: number; trade?: string; advance?: number; aspects?: ContestAspectDto[] } = {}) {
  return w.hzStaff.contest.event.create({
    contestId,
    trade: opts.trade ?? '电工',
    venue: '杭州技师学院',
    eventDate: '2027-03-20',
    registrationOpens: '2026-11-01',
    registrationCloses: '2026-12-10',
    minAge: 18,
    maxAge: 55,
    minYearsInTrade: 2,
    requiredCertificates: [],
    ...(opts.quotaPerCity !== undefined ? { quotaPerCity: opts.quotaPerCity } : {}),
    theoryWeight: 30,
    advance: opts.advance ?? 0,
    appealHours: 2,
    noticeDays: 5,
    ...(opts.aspects ? { aspects: opts.aspects } : {}),
  });
}

export const enter = (staff: Caller, eventId: string, memberId: string, key = `k-${memberId}`) =>
  staff.contest.registration.create({ eventId, memberId, yearsInTrade: 5, certificates: [], consent: true, idempotencyKey: key });

/** Every judge on the panel marks every aspect of every contestant they may mark. */
export async function markAll(judges: Judge[], eventId: string, markOf: (judgeIndex: number, number: number, aspect: string, max: number) => number) {
  for (const [i, j] of judges.entries()) {
    const sheet = await j.caller.contest.score.sheet({ eventId });
    for (const c of sheet.contestants) {
      for (const a of sheet.aspects) await j.caller.contest.score.submit({ eventId, number: c.number, aspect: a.key, mark: markOf(i, c.number, a.key, a.max * 100) });
    }
  }
}

/** A member's own login (role member, linked to the member record) in their federation. */
export async function memberCaller(h: Harness, fed: TestFederation, memberId: string): Promise<Caller> {
  const user = await makeUser(h);
  await addMembership(h, fed, user, ['member'], memberId);
  return callerFor(h, user, fed);
}

/** A member applies for an event from their phone, with consent. */
export const applyFor = (member: Caller, eventId: string, opts: { yearsInTrade?: number; key?: string } = {}) =>
  member.contest.application.submit({ eventId, yearsInTrade: opts.yearsInTrade ?? 5, certificates: [], consent: true, idempotencyKey: opts.key ?? `apply-${eventId}-${randomUUID()}` });

/** An exam-system theory sheet as base64: a header row and data rows. */
export async function theorySheet(rows: (string | number)[][], header: string[] = ['参赛号', '理论知识']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('理论成绩');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The contestant numbers on the event's theory template (the organiser's download). */
export async function templateNumbers(staff: Caller, eventId: string): Promise<number[]> {
  const file = await staff.contest.theory.template({ eventId });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  const out: number[] = [];
  wb.worksheets[0]!.eachRow((row, n) => n > 1 && out.push(Number(row.getCell(1).value)));
  return out;
}

/** The organiser imports a theory mark (points) for every contestant, numbers read from the template. */
export async function importTheoryAll(staff: Caller, eventId: string, pointsOf: (number: number) => number | string) {
  const template = await templateNumbers(staff, eventId);
  return staff.contest.theory.import({ eventId, fileBase64: await theorySheet(template.map((n) => [n, pointsOf(n)])), dryRun: false });
}
