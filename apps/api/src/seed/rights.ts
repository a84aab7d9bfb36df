import { idNumberCheckChar, type Role } from '@uc/contracts';
import { federations, memberships, rightsCases, rightsClosureDays, rightsSlaPolicies, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { addDays, chinaDate } from '../lib/dates.ts';
import { demoPdf, demoPng } from './demoFiles.ts';
import { createCase, isWorkingDay, uploadCaseDocument, postMessage, recordConsent, refer, runRightsSla, takeStep, withdrawConsent } from '../modules/rights/index.ts';
import type { ServiceCtx } from '../service.ts';

// Demo rights referrals 杭州 → 宁波 through the real services, each step at the moment it would
// have happened (relative to `now`): one just sent, one on hold awaiting documents, one resolved
// awaiting the follow-up call, one archived, one returned, one whose consent the worker withdrew,
// and one Ningbo never accepted: its accept clock breached and the SLA pass escalated it.
// Both federations publish the DOMAIN §3.2 service levels. caseworker@<city>.demo works the cases.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function fedId(db: Db, slug: string): Promise<string> {
  const [f] = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.slug, slug)));
  return f!.id;
}

async function asCaseworker<T>(db: Db, env: EnvLike, slug: string, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
  const tenantId = await fedId(db, slug);
  const [u] = await withoutTenant(db, (tx) => tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, `caseworker@${slug}.demo`)));
  return withTenant(
    db,
    tenantId,
    async (tx) => {
      const [m] = await tx.select({ roles: memberships.roles }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, u!.id)));
      const actor = { userId: u!.id, label: u!.email, ip: '127.0.0.1', userAgent: 'demo-seed', roles: m!.roles as Role[], memberId: null };
      return fn({ db: tx, tenantId, actor, now, locale: 'zh-CN', env });
    },
    { userId: u!.id },
  );
}

const CASES = [
  { key: 'fresh', workerName: '陈志强', kind: 'wage_arrears', employer: '宁波港城建设劳务有限公司', facts: '在宁波北仑工地务工 4 个月，工资 42,000 元未付。', amount: 4_200_000, ageDays: 0.05 },
  { key: 'hold', workerName: '刘美华', kind: 'work_injury', employer: '宁波甬江机械制造有限公司', facts: '2026 年 9 月在车间作业时右手受伤，单位未申报工伤。', amount: 0, ageDays: 12 },
  { key: 'resolved', workerName: '赵国庆', kind: 'labour_contract', employer: '宁波鄞州物流有限公司', facts: '单位未签订书面劳动合同，要求支付二倍工资差额。', amount: 1_800_000, ageDays: 30 },
  { key: 'archived', workerName: '孙丽娟', kind: 'social_insurance', employer: '宁波海曙商贸有限公司', facts: '单位连续 8 个月未缴纳社会保险。', amount: 960_000, ageDays: 60 },
  { key: 'returned', workerName: '周海波', kind: 'wage_arrears', employer: '绍兴柯桥纺织有限公司', facts: '用人单位实际在绍兴，工资 15,000 元未付。', amount: 1_500_000, ageDays: 5 },
  { key: 'withdrawn', workerName: '吴晓东', kind: 'wage_arrears', employer: '宁波江北装饰工程有限公司', facts: '装修项目完工后工资 23,000 元未结。', amount: 2_300_000, ageDays: 8 },
  { key: 'breached', workerName: '郑秀英', kind: 'wage_arrears', employer: '宁波慈溪电器有限公司', facts: '被辞退后最后两个月工资 11,000 元未付。', amount: 1_100_000, ageDays: 10 },
] as const;

export async function seedDemoRights(db: Db, env: EnvLike, now = new Date()): Promise<boolean> {
  const hz = await fedId(db, 'hangzhou');
  const present = await withTenant(db, hz, (tx) => tx.select({ id: rightsCases.id }).from(rightsCases).limit(1));
  if (present.length) return false;
  for (const slug of ['hangzhou', 'ningbo']) {
    const tenantId = await fedId(db, slug);
    await withTenant(db, tenantId, (tx) =>
      tx.insert(rightsSlaPolicies).values({ tenantId, effectiveFrom: '2026-01-01', acceptDays: 3, respondDays: 7, resolveDays: 30, followUpDays: 1 }),
    );
  }
  // Ningbo's levels page shows a tightened policy scheduled from next New Year and a closure day ahead
  const nb = await fedId(db, 'ningbo');
  const nextYear = `${Number(chinaDate(now).slice(0, 4)) + 1}-01-01`;
  let closure = addDays(chinaDate(now), 20);
  while (!isWorkingDay(closure)) closure = addDays(closure, 1);
  await withTenant(db, nb, async (tx) => {
    await tx.insert(rightsSlaPolicies).values({ tenantId: nb, effectiveFrom: nextYear, acceptDays: 2, respondDays: 5, resolveDays: 30, followUpDays: 1 });
    await tx.insert(rightsClosureDays).values({ tenantId: nb, day: closure, reason: '单位集中培训，维权部门闭馆一天' });
  });
  const A = (at: Date, fn: (ctx: ServiceCtx) => Promise<unknown>) => asCaseworker(db, env, 'hangzhou', at, fn);
  const B = (at: Date, fn: (ctx: ServiceCtx) => Promise<unknown>) => asCaseworker(db, env, 'ningbo', at, fn);
  let idSeq = 0;
  for (const c of CASES) {
    let t = now.getTime() - c.ageDays * DAY;
    const at = (hours = 0) => new Date((t += hours * HOUR));
    const idNumber = demoWorkerId(idSeq++);
    const { id: caseId } = (await A(at(), (ctx) =>
      createCase(ctx, {
        memberId: null,
        workerName: c.workerName,
        workerMobile: `1390571${String(1000 + idSeq).padStart(4, '0')}`,
        idNumber,
        employerName: c.employer,
        employerCreditCode: '',
        employerCity: c.key === 'returned' ? '绍兴' : '宁波',
        disputeKind: c.kind,
        facts: c.facts,
        claims: c.amount ? '支付拖欠款项' : '认定工伤并享受工伤保险待遇',
        amountClaimedFen: c.amount,
        source: c.key === 'resolved' ? 'walk_in' : 'hotline',
        documents: [
          { name: '劳动合同或用工证明.pdf', kind: 'contract', shared: true, note: '' },
          { name: '工资流水截图.jpg', kind: 'pay_slip', shared: true, note: '' },
          { name: '来访登记及研判意见.docx', kind: 'other', shared: false, note: '仅本会内部' },
        ],
        internalNotes: '12351 热线来电登记',
        linkedCaseId: null,
      }),
    )) as { id: string };
    if (c.key === 'hold' || c.key === 'fresh') {
      // documents as files (decision 0053): a photo shared with the partner, an internal note as PDF
      await A(at(0.1), (ctx) =>
        uploadCaseDocument(ctx, { caseId, kind: 'pay_slip', shared: true, note: '职工手机拍摄', filename: '工资条照片.png', base64: demoPng(240, 160, [70, 130, 180]).toString('base64') }),
      );
      await A(at(0.1), (ctx) =>
        uploadCaseDocument(ctx, { caseId, kind: 'other', shared: false, note: '仅本会内部', filename: '来访研判意见.pdf', base64: demoPdf('Internal assessment (demo)').toString('base64') }),
      );
    }
    const { id: consentId } = (await A(at(0.2), (ctx) =>
      recordConsent(ctx, {
        caseId,
        partnerSlug: 'ningbo',
        purpose: '异地维权协作：向宁波市总工会转办本人案件材料，由其受理、调解或提供法律援助',
        scope: ['worker_identity', 'contact', 'facts', 'documents'],
        method: c.key === 'fresh' ? 'phone_attested' : 'signed_form',
        evidence: c.key === 'fresh' ? '已电话告知转办对象、用途与范围，职工口头同意（维权专员确认）' : '',
        givenAt: new Date(t).toISOString(),
        // the signed form itself (decision 0056)
        ...(c.key === 'fresh' ? {} : { form: { filename: `授权委托书-${c.workerName}.pdf`, base64: demoPdf(`Signed consent form (demo): ${c.key}`).toString('base64') } }),
      }),
    )) as { id: string };
    const r = (await A(at(0.3), (ctx) => refer(ctx, { caseId, consentId, note: '请协助办理' }))) as { id: string; rowVersion: number };
    let v = r.rowVersion;
    const step = async (side: typeof A, hours: number, s: Parameters<typeof takeStep>[1], data: Record<string, unknown> = {}, patch: Parameters<typeof takeStep>[4] = {}) => {
      v = ((await side(at(hours), (ctx) => takeStep(ctx, s, { id: r.id, rowVersion: v }, data, patch))) as { rowVersion: number }).rowVersion;
    };
    if (c.key === 'fresh' || c.key === 'breached') continue;
    if (c.key === 'returned') {
      await step(B, 20, 'return', { reason: '用人单位注册地及用工地均在绍兴，不属本市管辖，建议转绍兴市总工会' });
      continue;
    }
    await step(B, 6, 'accept', { note: '已受理' });
    if (c.key === 'withdrawn') {
      await A(at(24), (ctx) => withdrawConsent(ctx, { consentId, reason: '职工已与用人单位自行和解，撤回授权' }));
      continue;
    }
    // the two caseworkers agree the next step on the referral's thread
    await B(at(2), (ctx) => postMessage(ctx, { id: r.id, body: '已受理。请协助确认职工在杭州的联系电话是否有效，我们拟本周联系用人单位。' }));
    await A(at(3), (ctx) =>
      postMessage(ctx, { id: r.id, body: '电话有效，职工工作日白天可接听。附上职工提供的考勤记录照片，如需补充材料请在此留言。', file: { filename: '考勤记录.png', base64: demoPng(240, 160, [180, 140, 70]).toString('base64') } }),
    );
    await step(B, 20, 'start', { assignee: '宁波市职工法律援助中心' }, { assignee: '宁波市职工法律援助中心' });
    await step(B, 24, 'action', { kind: 'call', date: new Date(t).toISOString().slice(0, 10), note: '与用人单位人事电话沟通' });
    if (c.key === 'hold') {
      await step(B, 24, 'hold', { reason: '等待职工补充医院诊断证明' });
      continue;
    }
    await step(B, 48, 'action', { kind: 'mediation', date: new Date(t).toISOString().slice(0, 10), note: '组织劳资双方调解' });
    await step(B, 72, 'resolve', { outcome: 'mediated', amountRecoveredFen: c.amount, note: '调解成功，款项已到账' }, { outcome: 'mediated', amountRecoveredFen: c.amount });
    if (c.key === 'resolved') continue;
    await step(A, 20, 'follow_up', { satisfaction: 5, note: '职工对处理结果满意' });
    await step(A, 24, 'archive', { note: '' });
  }
  // the breached one is escalated by the SLA pass, as the job would
  await runRightsSla(db, now, env);
  return true;
}

/** A valid demo ID number of a Hangzhou (330106) worker. */
function demoWorkerId(n: number): string {
  const first17 = `3301061985${String(1 + (n % 12)).padStart(2, '0')}${String(10 + n).padStart(2, '0')}${String(300 + n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
