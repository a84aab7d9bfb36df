import type { Health, JointItemDto, Role } from '@uc/contracts';
import { agreements, federations, jointMilestones, memberships, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { addDays, chinaDate } from '../lib/dates.ts';
import { confirmMilestone, createJointItem, createMilestone, listJointItems, postProgressUpdate, reopenMilestone, setJointItemStatus, updateJointItem, updateJointItemSide, uploadAttachment } from '../modules/jointItem/index.ts';
import type { ServiceCtx } from '../service.ts';
import { HANGYONG_TITLE } from './agreements.ts';
import { DEMO_ITEMS, demoPdf, type DemoMilestone } from './itemsDemoData.ts';

// The 杭甬 agreement's work plan brought to life through the real services: responsible persons on
// both sides, milestones in every state (confirmed by both, by one side, reopened, overdue, due
// soon, later), items in progress, delayed and not started, and progress updates from both cities
// over the past weeks (each written at the moment it would have been). Dates are relative to the
// day the seed runs, so something is always overdue and something always due soon.

type EnvLike = Pick<Env, 'memberIdKey' | 'publicUrl'>;
type Side = 'hangzhou' | 'ningbo';
const DAY = 86_400_000;

/** fn as <local>@<slug>.demo at `now`, in one tenant transaction (the seeds call services as real staff). */
export async function asDemoStaff<T>(db: Db, env: EnvLike, slug: string, local: string, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
  const [who] = await withoutTenant(db, (tx) =>
    tx
      .select({ tenantId: federations.id, userId: users.id, email: users.email })
      .from(federations)
      .innerJoin(users, eq(users.email, `${local}@${slug}.demo`))
      .where(eq(federations.slug, slug)),
  );
  return withTenant(
    db,
    who!.tenantId,
    async (tx) => {
      const [m] = await tx.select({ roles: memberships.roles }).from(memberships).where(and(eq(memberships.tenantId, who!.tenantId), eq(memberships.userId, who!.userId)));
      const actor = { userId: who!.userId, label: who!.email, ip: '127.0.0.1', userAgent: 'demo-seed', roles: m!.roles as Role[], memberId: null };
      return fn({ db: tx, tenantId: who!.tenantId, actor, now, locale: 'zh-CN', env });
    },
    { userId: who!.userId },
  );
}

/** fn as lead@<slug>.demo at `now` (default: the seed's now), in one tenant transaction. */
const asLead = <T>(db: Db, env: EnvLike, slug: Side, now: Date, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> => asDemoStaff(db, env, slug, 'lead', now, fn);

/** Seeds the 杭甬 items' tracking once: skipped when the agreement is missing or already has milestones. */
export async function seedDemoItems(db: Db, env: EnvLike, now = new Date()): Promise<boolean> {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const today = chinaDate(now);
  const found = await asLead(db, env, 'hangzhou', now, async (ctx) => {
    const [a] = await ctx.db.select({ id: agreements.id }).from(agreements).where(and(eq(agreements.title, HANGYONG_TITLE), eq(agreements.status, 'active')));
    if (!a) return null;
    const items = await listJointItems(ctx, a.id);
    const ids = items.map((i) => i.id);
    const any = ids.length ? await ctx.db.select({ id: jointMilestones.id }).from(jointMilestones).where(inArray(jointMilestones.itemId, ids)).limit(1) : [];
    return any.length ? null : { agreementId: a.id, items };
  });
  if (!found) return false;
  const sideOf = (item: JointItemDto): Side => (item.leadSlug === 'hangzhou' ? 'hangzhou' : 'ningbo');
  const other = (s: Side): Side => (s === 'hangzhou' ? 'ningbo' : 'hangzhou');

  // one more item, added by hand by Ningbo's lead and led by Ningbo
  const extra = await asLead(db, env, 'ningbo', at(-40), (ctx) =>
    createJointItem(ctx, {
      agreementId: found.agreementId,
      kind: 'project',
      title: '杭甬职工创新工作室联盟建设',
      description: '两地各推荐 10 家劳模（职工）创新工作室结对，联合攻关、共享成果。',
      leadSlug: 'ningbo',
      startDate: addDays(today, 20),
      endDate: addDays(today, 380),
      ownSide: { responsibleUserId: null, responsibleName: '宁波项目负责人', responsibleContact: '0574-87180000' },
    }),
  );
  const items = [...found.items, extra];

  for (const plan of DEMO_ITEMS) {
    const item = items.find((i) => i.kind === plan.kind && (plan.kind !== 'project' || i.source === 'plan'))!;
    const lead = sideOf(item);
    // each side names its own responsible person: the demo lead, so "my items" has work in it
    for (const side of ['hangzhou', 'ningbo'] as const) {
      await asLead(db, env, side, at(-100), async (ctx) => {
        const current = (await listJointItems(ctx, found.agreementId)).find((i) => i.id === item.id)!;
        const [me] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, `lead@${side}.demo`));
        return updateJointItemSide(ctx, { id: item.id, rowVersion: current.rowVersion, partySlug: side, responsibleUserId: me!.id, responsibleName: plan.responsible[side], responsibleContact: '' });
      });
    }
    await asLead(db, env, lead, at(-99), async (ctx) => {
      let current = (await listJointItems(ctx, found.agreementId)).find((i) => i.id === item.id)!;
      if (plan.phase) current = await updateJointItem(ctx, { id: item.id, rowVersion: current.rowVersion, phase: plan.phase });
      current = await setJointItemStatus(ctx, { id: item.id, rowVersion: current.rowVersion, status: 'in_progress', reason: '' });
      if (plan.delayedReason) await setJointItemStatus(ctx, { id: item.id, rowVersion: current.rowVersion, status: 'delayed', reason: plan.delayedReason });
    });
    for (const m of plan.milestones) await seedMilestone(db, env, item.id, lead, m, today, at);
    for (const u of plan.updates) {
      const side = u.by === 'lead' ? lead : other(lead);
      await asLead(db, env, side, at(u.daysAgo === 0 ? 0 : -u.daysAgo), async (ctx) => {
        const attachmentIds = u.pdf ? [(await uploadAttachment(ctx, { itemId: item.id, filename: u.pdf, contentType: 'application/pdf', base64: demoPdf(u.pdf).toString('base64') })).id] : [];
        return postProgressUpdate(ctx, { itemId: item.id, health: u.health as Health, text: u.text, attachmentIds });
      });
    }
  }
  return true;
}

/** One milestone, taken to its state: confirmed by both, by one side, reopened, or left open. */
async function seedMilestone(db: Db, env: EnvLike, itemId: string, lead: Side, m: DemoMilestone, today: string, at: (days: number) => Date) {
  const follower: Side = lead === 'hangzhou' ? 'ningbo' : 'hangzhou';
  // planned at the start, confirmed around the due date (never in the future)
  const when = (days: number) => at(Math.max(-97, Math.min(0, days)));
  const created = await asLead(db, env, lead, at(-98), (ctx) => createMilestone(ctx, { itemId, title: m.title, dueDate: addDays(today, m.dueIn), ownerUserId: null, ownerName: m.owner }));
  const confirm = (side: Side, daysFromDue: number, round: number) =>
    asLead(db, env, side, when(m.dueIn + daysFromDue), (ctx) => confirmMilestone(ctx, { id: created.id, round }));
  if (m.state === 'open') return;
  await confirm(lead, -1, 1);
  if (m.state === 'half') return;
  await confirm(follower, 0, 1);
  if (m.state === 'done') return;
  // reopened by the other side, then confirmed again by the lead only
  await asLead(db, env, follower, when(m.dueIn + 2), (ctx) => reopenMilestone(ctx, { id: created.id, round: 1, reason: m.reopenReason ?? '材料需补充' }));
  await confirm(lead, 3, 2);
}
