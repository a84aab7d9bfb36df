import type { Role } from '@uc/contracts';
import { agreements, contests, federations, members, memberships, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { hashPassword } from '../modules/auth/index.ts';
import ExcelJS from 'exceljs';
import { assignJudge, createContest, createEvent, decideAppeal, drawNumbers, fileAppeal, finalise, importTheory, judgeSheet, lockScores, publish, registerEntrant, submitScore } from '../modules/contest/index.ts';
import type { ServiceCtx } from '../service.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { DEMO_PASSWORD } from './demoData.ts';

// Demo contests through the real services, each step at the moment it would have happened: the
// 2026 杭甬 contest with an 电工 event fully marked by a cross-city panel (Shaoxing judging as a
// neutral partner), published, an appeal decided and certificates issued, and a 养老护理员 event
// drawn and partly marked; a 2027 contest open for registration. Judges judge1/judge2@<city>.demo.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
const at = (iso: string) => new Date(iso);
/** a small seeded generator (demo marks are the same every time) */
const prng = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const JUDGES: [string, string, string][] = [
  ['hangzhou', 'judge1', '杭州裁判（裁判长）'],
  ['hangzhou', 'judge2', '杭州裁判二'],
  ['ningbo', 'judge1', '宁波裁判一'],
  ['ningbo', 'judge2', '宁波裁判二'],
  ['shaoxing', 'judge1', '绍兴裁判一'],
];

async function fedId(db: Db, slug: string): Promise<string> {
  const [f] = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, slug)));
  return f!.id;
}

async function userId(db: Db, email: string): Promise<string> {
  const [u] = await withoutTenant(db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.email, email)));
  return u!.id;
}

/** fn as a demo user (local@slug.demo) of the federation at `now`, in one tenant transaction. */
async function as<T>(db: Db, env: EnvLike, slug: string, local: string, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
  const tenantId = await fedId(db, slug);
  const email = `${local}@${slug}.demo`;
  const uid = await userId(db, email);
  return withTenant(
    db,
    tenantId,
    async (tx) => {
      const [m] = await tx.select({ roles: memberships.roles }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, uid)));
      return fn({ db: tx, tenantId, actor: { userId: uid, label: email, ip: '127.0.0.1', userAgent: 'demo-seed', roles: m!.roles as Role[], memberId: null }, now, locale: 'zh-CN', env });
    },
    { userId: uid },
  );
}

async function ensureJudges(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [slug, local, name] of JUDGES) {
    const tenantId = await fedId(db, slug);
    const email = `${local}@${slug}.demo`;
    const [u] = await withoutTenant(db, (tx) => tx.insert(users).values({ email, displayName: name, passwordHash: hash }).onConflictDoNothing().returning({ id: users.id }));
    const id = u?.id ?? (await userId(db, email));
    await withTenant(db, tenantId, (tx) => tx.insert(memberships).values({ tenantId, userId: id, roles: ['judge'] }).onConflictDoNothing());
  }
}

/** The member record behind member@<slug>.demo (the phone journeys' member). */
async function loginMember(db: Db, slug: string): Promise<string> {
  const tenantId = await fedId(db, slug);
  const uid = await userId(db, `member@${slug}.demo`);
  const [m] = await withTenant(db, tenantId, (tx) => tx.select({ id: memberships.memberId }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, uid))));
  return m!.id!;
}

/** Members without a login, adults by birth date, in a stable order. */
async function entrants(db: Db, slug: string, n: number, skip = 0): Promise<string[]> {
  const tenantId = await fedId(db, slug);
  return withTenant(db, tenantId, async (tx) => {
    const logins = tx.select({ id: memberships.memberId }).from(memberships).where(and(eq(memberships.tenantId, tenantId), sql`${memberships.memberId} is not null`));
    const rows = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), notInArray(members.id, sql`(${logins})`), sql`${members.birthDate} between '1972-01-01' and '2004-01-01'`, isNull(members.frontline)))
      .orderBy(asc(members.name), asc(members.id))
      .offset(skip)
      .limit(n);
    return rows.map((r) => r.id);
  });
}

const event = (contestId: string, trade: string, dates: { opens: string; closes: string; on: string }, quotaPerCity: number, venue: string) => ({
  contestId,
  trade,
  venue,
  eventDate: dates.on,
  registrationOpens: dates.opens,
  registrationCloses: dates.closes,
  minAge: 20,
  maxAge: 55,
  minYearsInTrade: 2,
  requiredCertificates: [],
  quotaPerCity,
  theoryWeight: 30,
  advance: 0,
  appealHours: 2,
  noticeDays: 5,
});

export async function seedDemoContests(db: Db, env: EnvLike): Promise<boolean> {
  const hz = await fedId(db, 'hangzhou');
  if ((await withTenant(db, hz, (tx) => tx.select({ id: contests.id }).from(contests).limit(1))).length) return false;
  await ensureJudges(db);
  const [agreement] = await withTenant(db, hz, (tx) => tx.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.title, HANGYONG_TITLE), eq(agreements.status, 'active'))));
  if (!agreement) return false;
  const rand = prng(2026);

  // the 2026 contest: two events, entrants of both cities
  const t0 = at('2026-09-01T02:00:00Z');
  const c = await as(db, env, 'hangzhou', 'admin', t0, (ctx) => createContest(ctx, { agreementId: agreement.id, title: '2026年杭甬结对城市职工技能竞赛', year: 2026, judgingPartnerSlugs: ['shaoxing'] }));
  const window = { opens: '2026-09-01', closes: '2026-09-30', on: '2026-10-24' };
  const electric = await as(db, env, 'hangzhou', 'admin', t0, (ctx) => createEvent(ctx, event(c.id, '电工', window, 6, '杭州技师学院实训中心')));
  // 养老护理员 is marked by the scheme's rules: a blood-pressure reading by tolerance, care practice by written levels
  const careScheme = {
    ...event(c.id, '养老护理员', { ...window, on: '2026-10-25' }, 5, '杭州市社会福利中心'),
    aspects: [
      { key: 'theory', label: '理论知识', part: 'theory' as const, type: 'measurement' as const, max: 100 },
      { key: 'bp', label: '血压测量（与标准值之差）', part: 'practical' as const, type: 'measurement' as const, max: 40, tolerance: { target: 0, within: 2, zeroBeyond: 10, unit: 'mmHg' } },
      { key: 'care', label: '照护操作规范', part: 'practical' as const, type: 'judgement' as const, max: 60, levels: ['未达到要求', '基本达到要求', '达到要求', '超出要求'] },
    ],
  };
  const care = await as(db, env, 'hangzhou', 'admin', t0, (ctx) => createEvent(ctx, careScheme));
  const t1 = at('2026-09-10T02:00:00Z');
  for (const [slug, skip] of [['hangzhou', 0], ['ningbo', 0]] as const) {
    for (const [e, n, off] of [[electric, 6, skip], [care, 4, skip + 6]] as const) {
      // member@ningbo.demo is one of Ningbo's electricians: their 我的 page shows an entry, a result and a certificate
      const withLogin = slug === 'ningbo' && e === electric;
      const ids = withLogin ? [await loginMember(db, slug), ...(await entrants(db, slug, n - 1, off))] : await entrants(db, slug, n, off);
      for (const memberId of ids) {
        await as(db, env, slug, 'admin', t1, (ctx) => registerEntrant(ctx, { eventId: e.id, memberId, yearsInTrade: 3 + Math.floor(rand() * 15), certificates: [], consent: true, idempotencyKey: `demo-${e.id}-${memberId}` }));
      }
    }
  }
  const t2 = at('2026-10-01T01:00:00Z');
  const drawn = new Map<string, number[]>();
  for (const e of [electric, care]) drawn.set(e.id, (await as(db, env, 'hangzhou', 'admin', t2, (ctx) => drawNumbers(ctx, e.id, `demo-draw-${e.trade}-2026`))).numbers.map((n) => n.number));
  const panel: [string, string, boolean][] = [
    ['hangzhou', 'judge1', true],
    ['ningbo', 'judge1', false],
    ['ningbo', 'judge2', false],
    ['shaoxing', 'judge1', false],
  ];
  for (const e of [electric, care]) {
    for (const [slug, local, chief] of panel) {
      const judgeId = await userId(db, `${local}@${slug}.demo`);
      await as(db, env, 'hangzhou', 'admin', t2, (ctx) => assignJudge(ctx, { eventId: e.id, federationSlug: slug, userId: judgeId, chief }));
    }
  }

  // marking on the day: each judge marks the numbers they may (never a compatriot), blind
  const mark = async (eventId: string, day: Date, share: number) => {
    for (const [slug, local] of panel) {
      await as(db, env, slug, local, day, async (ctx) => {
        const sheet = await judgeSheet(ctx, eventId);
        for (const s of sheet.contestants.slice(0, Math.ceil(sheet.contestants.length * share))) {
          const skill = 0.55 + ((s.number * 37) % 40) / 100;
          for (const a of sheet.aspects) {
            const quality = skill + (rand() - 0.5) * 0.08;
            // by the aspect's rule: what the judge measured, the level they chose, or points
            const given = a.tolerance ? { measured: Math.round((1 - quality) * 12 * 10) / 10 } : a.levels ? { level: Math.min(a.levels.length - 1, Math.floor(quality * a.levels.length)) } : { mark: Math.min(a.max * 100, Math.round(a.max * 100 * quality)) };
            await submitScore(ctx, { eventId, number: s.number, aspect: a.key, ...given });
          }
        }
      });
    }
  };
  await mark(electric.id, at('2026-10-24T06:00:00Z'), 1);
  // the 电工 theory exam's sheet from the exam system; 养老护理员's is still to come (the journey imports it)
  const sheet = new ExcelJS.Workbook();
  const ws = sheet.addWorksheet('成绩');
  ws.addRow(['参赛号', '理论成绩']);
  for (const n of drawn.get(electric.id)!) ws.addRow([n, n === 5 ? '缺考' : 60 + ((n * 13) % 38) + (n % 2) / 2]);
  const fileBase64 = Buffer.from(await sheet.xlsx.writeBuffer()).toString('base64');
  await as(db, env, 'hangzhou', 'admin', at('2026-10-24T08:00:00Z'), async (ctx) => {
    const r = await importTheory(ctx, { eventId: electric.id, fileBase64, fileName: '电工理论考试成绩（考试系统导出）.xlsx', dryRun: false });
    if (!r.ok) throw new Error(`demo theory sheet refused: ${JSON.stringify(r.errors)}`);
  });
  await mark(care.id, at('2026-10-25T06:00:00Z'), 0.5);
  await as(db, env, 'hangzhou', 'admin', at('2026-10-24T09:00:00Z'), (ctx) => lockScores(ctx, electric.id));
  const published = await as(db, env, 'hangzhou', 'admin', at('2026-10-24T10:00:00Z'), (ctx) => publish(ctx, electric.id));
  // Ningbo appeals for its lowest-placed entrant within the 2 hours; the chief judge rejects with a reason
  const nbSlug = published.rows.filter((r) => r.federation.slug === 'ningbo').at(-1)!;
  const filed = await as(db, env, 'ningbo', 'admin', at('2026-10-24T11:00:00Z'), (ctx) => fileAppeal(ctx, { eventId: electric.id, number: nbSlug.number, reason: '选手认为实操测量项（接线电阻）测量有误，申请复核。' }));
  await as(db, env, 'hangzhou', 'judge1', at('2026-10-24T11:30:00Z'), (ctx) =>
    decideAppeal(ctx, { appealId: filed.appeals[0]!.id, decision: 'rejected', reason: '经裁判组复测，原测量结果无误，维持原评分。', remarks: [], theoryRemarks: [] }),
  );
  // Hangzhou appeals its lowest-placed entrant's theory paper; the paper is re-checked and 2 points added
  const hzLast = published.rows.filter((r) => r.federation.slug === 'hangzhou' && r.theory > 0).at(-1)!;
  const filedHz = await as(db, env, 'hangzhou', 'admin', at('2026-10-24T11:10:00Z'), (ctx) => fileAppeal(ctx, { eventId: electric.id, number: hzLast.number, reason: '选手认为理论试卷第 37 题判分有误，申请复核试卷。' }));
  const hzAppeal = filedHz.appeals.find((a) => a.number === hzLast.number)!;
  await as(db, env, 'hangzhou', 'judge1', at('2026-10-24T11:40:00Z'), (ctx) =>
    decideAppeal(ctx, { appealId: hzAppeal.id, decision: 'upheld', reason: '经复核试卷，第 37 题答案正确，理论成绩加 2 分。', remarks: [], theoryRemarks: [{ aspect: 'theory', mark: Math.min(10_000, Math.round(hzLast.theory * 100) + 200) }] }),
  );
  await as(db, env, 'hangzhou', 'admin', at('2026-10-25T02:00:00Z'), (ctx) => finalise(ctx, electric.id));

  // the 2027 contest, open for registration now
  const t3 = at('2026-11-01T02:00:00Z');
  const c2 = await as(db, env, 'hangzhou', 'admin', t3, (ctx) => createContest(ctx, { agreementId: agreement.id, title: '2027年杭甬职工数控技能邀请赛', year: 2027, judgingPartnerSlugs: ['shaoxing'] }));
  // its scheme shows the marking rules: an outside diameter marked by tolerance, workmanship by written levels
  const cncScheme = {
    ...event(c2.id, '数控车工', { opens: '2026-11-01', closes: '2027-02-28', on: '2027-04-18' }, 10, '宁波技师学院'),
    aspects: [
      { key: 'theory', label: '理论知识', part: 'theory' as const, type: 'measurement' as const, max: 100 },
      { key: 'diameter', label: '外圆直径 Ø40', part: 'practical' as const, type: 'measurement' as const, max: 30, tolerance: { target: 40, within: 0.02, zeroBeyond: 0.1, unit: 'mm' } },
      { key: 'finish', label: '表面粗糙度', part: 'practical' as const, type: 'measurement' as const, max: 30 },
      { key: 'craft', label: '工艺与安全文明生产', part: 'practical' as const, type: 'judgement' as const, max: 40, levels: ['未达到要求', '基本达到要求', '达到要求', '超出要求'] },
    ],
  };
  const cnc = await as(db, env, 'hangzhou', 'admin', t3, (ctx) => createEvent(ctx, cncScheme));
  for (const memberId of await entrants(db, 'ningbo', 3, 20)) {
    await as(db, env, 'ningbo', 'admin', at('2026-11-05T02:00:00Z'), (ctx) => registerEntrant(ctx, { eventId: cnc.id, memberId, yearsInTrade: 6, certificates: [], consent: true, idempotencyKey: `demo-${cnc.id}-${memberId}` }));
  }
  return true;
}
