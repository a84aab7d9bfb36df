import type { LiaisonLevel } from '@uc/contracts';
import { agreements, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { addDays, chinaDate } from '../lib/dates.ts';
import { addDecision, createLiaisonPair, createMeeting, decisionToItem, listLiaisonPairs, updateLiaisonPair, updateMeeting } from '../modules/mechanism/index.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { asDemoStaff } from './itemsDemo.ts';

// The 杭甬 agreement's mechanisms (seed 003 机制保障), through the real services: liaison pairs at
// the four levels, each side filling in its own contact; a joint meeting held last quarter (with
// minutes) and the next one planned, the host taking turns.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
const DAY = 86_400_000;

const PAIRS: { level: LiaisonLevel; hangzhou: Contact; ningbo: Contact }[] = [
  { level: 'vice_chair', hangzhou: { unitName: '杭州市总工会', contactName: '陈建国', title: '常务副主席', phone: '0571-85170001' }, ningbo: { unitName: '宁波市总工会', contactName: '周海涛', title: '常务副主席', phone: '0574-87180001' } },
  { level: 'department', hangzhou: { unitName: '杭州市总工会办公室', contactName: '林晓燕', title: '主任', phone: '0571-85170012' }, ningbo: { unitName: '宁波市总工会办公室', contactName: '王丽', title: '主任', phone: '0574-87180012' } },
  { level: 'industry', hangzhou: { unitName: '杭州市制造业工会', contactName: '赵磊', title: '主席', phone: '0571-85170031' }, ningbo: { unitName: '宁波市港航工会', contactName: '孙杰', title: '主席', phone: '0574-87180031' } },
  { level: 'district', hangzhou: { unitName: '西湖区总工会', contactName: '吴敏', title: '副主席', phone: '0571-87960001' }, ningbo: { unitName: '海曙区总工会', contactName: '郑涛', title: '副主席', phone: '0574-87290001' } },
];
type Contact = { unitName: string; contactName: string; title: string; phone: string };

/** Seeds the 杭甬 liaison pairs and joint meetings once: skipped when the agreement is missing or already has pairs. */
export async function seedDemoMechanisms(db: Db, env: EnvLike, now = new Date()): Promise<boolean> {
  const today = chinaDate(now);
  const as = <T>(slug: 'hangzhou' | 'ningbo', days: number, fn: Parameters<typeof asDemoStaff<T>>[5]) => asDemoStaff(db, env, slug, 'admin', new Date(now.getTime() + days * DAY), fn);
  const agreementId = await as('hangzhou', 0, async (ctx) => {
    const [a] = await ctx.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.title, HANGYONG_TITLE), eq(agreements.status, 'active')));
    if (!a || (await listLiaisonPairs(ctx, a.id)).length) return null;
    return a.id;
  });
  if (!agreementId) return false;
  for (const p of PAIRS) {
    const pair = await as('hangzhou', -90, (ctx) => createLiaisonPair(ctx, { agreementId, level: p.level, sides: [{ partySlug: 'hangzhou', ...p.hangzhou, email: '' }] }));
    await as('ningbo', -89, (ctx) => updateLiaisonPair(ctx, { id: pair.id, rowVersion: pair.rowVersion, sides: [{ partySlug: 'ningbo', ...p.ningbo, email: '' }] }));
  }
  const attendees = [
    { name: '陈建国', federationSlug: 'hangzhou', title: '常务副主席' },
    { name: '周海涛', federationSlug: 'ningbo', title: '常务副主席' },
  ];
  const held = await as('hangzhou', -75, (ctx) =>
    createMeeting(ctx, {
      agreementId,
      meetingDate: addDays(today, -60),
      title: '杭甬工会协作第一次联席会议',
      location: '杭州市总工会 3 楼会议室',
      agenda: '一、通报协议签署以来各项工作进展\n二、审议年度工作清单\n三、商定疗休养名额分配',
      hostSlug: 'hangzhou',
      attendees,
    }),
  );
  await as('hangzhou', -59, (ctx) =>
    updateMeeting(ctx, { id: held.id, rowVersion: held.rowVersion, status: 'held', minutes: '会议通报了协议签署以来的工作进展，审议通过年度工作清单，商定两地互相预留疗休养名额各 200 个。' }),
  );
  // its decisions (议定事项); the first became a joint item, so the annual report shows decisions turned into items
  const decisions: { id: string }[] = [];
  for (const text of ['联合举办杭甬职工技能提升月活动', '互设疗休养名额各 200 个，向一线职工倾斜']) {
    decisions.push(await as('hangzhou', -59, (ctx) => addDecision(ctx, { meetingId: held.id, text })));
  }
  await as('hangzhou', -58, (ctx) => decisionToItem(ctx, { decisionId: decisions[0]!.id, kind: 'contest', leadSlug: 'hangzhou', startDate: addDays(today, -58), endDate: addDays(today, 120) }));
  // the next one: the host takes turns (Ningbo), chosen by the service
  await as('ningbo', -10, (ctx) =>
    createMeeting(ctx, { agreementId, meetingDate: addDays(today, 30), title: '杭甬工会协作第二次联席会议', location: '宁波市总工会会议中心', agenda: '一、半年工作小结\n二、技能竞赛联合办赛方案', attendees }),
  );
  return true;
}
