import { agreements, federations, memberships, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@uc/contracts';
import type { Env } from '../env.ts';
import type { ServiceCtx } from '../service.ts';
import { addComment, createAgreement, resolveComment, decide, getAgreement, saveVersion, takeStep } from '../modules/agreement/index.ts';
import { DEMO_PASSWORD } from './demoData.ts';

export const HANGYONG_TITLE = '杭州市总工会 宁波市总工会 助力唱好杭甬“双城记”合作协议';

/** Runs fn as a demo staff user of the federation, in one tenant transaction, through the real services. */
async function as<T>(db: Db, env: Pick<Env, 'memberIdKey' | 'publicUrl'>, slug: string, local: string, fn: (ctx: ServiceCtx) => Promise<T>): Promise<T> {
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
      return fn({ db: tx, tenantId: who!.tenantId, actor, now: new Date(), locale: 'zh-CN', env });
    },
    { userId: who!.userId },
  );
}

/**
 * The demo agreements: an active 杭甬 agreement negotiated and signed by both federations through
 * the real services, and a Hangzhou–Shaoxing draft in negotiation. Skipped when Hangzhou has any.
 */
export async function seedDemoAgreements(db: Db, env: Pick<Env, 'memberIdKey' | 'publicUrl'>): Promise<boolean> {
  const existing = await as(db, env, 'hangzhou', 'admin', (ctx) => ctx.db.select({ id: agreements.id }).from(agreements).limit(1));
  if (existing.length) return false;

  const { id } = await as(db, env, 'hangzhou', 'signer', (ctx) =>
    createAgreement(ctx, { partySlugs: ['ningbo'], fromTemplate: 'twin-city-five-commons', title: HANGYONG_TITLE, termStart: '2026-06-01', termEnd: '2029-05-31' }),
  );
  const step = (slug: string, s: 'openNegotiation' | 'sendForSignature') =>
    as(db, env, slug, 'signer', async (ctx) => takeStep(ctx, { id, rowVersion: (await getAgreement(ctx, id)).rowVersion, step: s }));
  await step('hangzhou', 'openNegotiation');
  const careComment = await as(db, env, 'ningbo', 'signer', (ctx) =>
    addComment(ctx, { id, clauseKey: 'care', addressedToSlug: 'hangzhou', body: '建议疗休养名额每年各 200 个，按批次分配，并向一线职工倾斜。' }),
  );
  await as(db, env, 'ningbo', 'officer', async (ctx) => {
    const g = await getAgreement(ctx, id);
    const content = structuredClone(g.currentVersion.content);
    const care = content.clauses.find((c) => c.key === 'care')!;
    care.body = '<p>双方互认职工疗休养基地，每年相互预留疗休养名额，按批次分配，优先安排一线职工、劳动模范和技术能手，为对方会员提供同等服务。</p>';
    return saveVersion(ctx, { id, baseVersionId: g.currentVersion.id, content, note: '宁波：疗休养名额向一线职工倾斜' });
  });
  // the comment is answered and resolved before the version is frozen (no freeze while one is open, 0028)
  await as(db, env, 'hangzhou', 'signer', (ctx) =>
    addComment(ctx, { id, clauseKey: 'care', addressedToSlug: 'ningbo', body: '同意按批次分配，已写入第 2 版。', replyToId: careComment.id }),
  );
  await as(db, env, 'ningbo', 'signer', (ctx) => resolveComment(ctx, { id, commentId: careComment.id, resolved: true }));
  await step('ningbo', 'sendForSignature');
  for (const slug of ['hangzhou', 'ningbo']) {
    await as(db, env, slug, 'signer', async (ctx) => {
      const g = await getAgreement(ctx, id);
      return decide(ctx, 'signed', { id, versionId: g.currentVersion.id, contentHash: g.currentVersion.contentHash!, password: DEMO_PASSWORD, idempotencyKey: `demo-sign-${slug}` });
    });
  }

  const draft = await as(db, env, 'hangzhou', 'signer', (ctx) =>
    createAgreement(ctx, { partySlugs: ['shaoxing'], fromTemplate: 'twin-city-five-commons', title: '杭州市总工会 绍兴市总工会 杭绍同城化工会合作协议', termStart: '2027-01-01', termEnd: '2029-12-31' }),
  );
  await as(db, env, 'hangzhou', 'signer', async (ctx) =>
    takeStep(ctx, { id: draft.id, rowVersion: (await getAgreement(ctx, draft.id)).rowVersion, step: 'openNegotiation' }),
  );
  await as(db, env, 'shaoxing', 'signer', (ctx) =>
    addComment(ctx, { id: draft.id, clauseKey: 'skills', addressedToSlug: 'hangzhou', body: '建议将纺织印染工种纳入首届结对竞赛。' }),
  );
  return true;
}
