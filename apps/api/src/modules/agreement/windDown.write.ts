import { agreementParties, agreements, agreementWindDowns, federations, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyFederation } from '../notification/index.ts';

// The wind-down of an ended agreement (issue 12, docs/decisions/0038-agreement-wind-down.md). When
// an agreement expires or is terminated, each party federation, in a transaction of its own:
// records the wind-down (one row per party and agreement: the primary key makes it exactly once,
// a racing worker waits on the insert and then finds it done), lets every module that registered a
// step wind down its own work there, and tells its staff what was done. What is under way is
// honoured (a confirmed stay, a session already held); what is waiting is cancelled with a notice.

export interface EndedAgreement {
  agreementTenantId: string;
  agreementId: string;
  title: string;
  ended: 'expired' | 'terminated';
}

export interface WindDownStep {
  /** the summary's key: what the step counts */
  name: string;
  /** the notice's line for the count, in both languages; {n} is the count */
  label: { zh: string; en: string };
  /** winds down this party's own work under the agreement; returns how many things it closed */
  run(ctx: ServiceCtx, a: EndedAgreement): Promise<number>;
}

const steps: WindDownStep[] = [];

/** Registered by the module that owns the work (its register()); this module imports none of them. */
export function registerWindDownStep(step: WindDownStep): void {
  if (steps.some((s) => s.name === step.name)) throw new Error(`wind-down step ${step.name} registered twice`);
  steps.push(step);
}

export interface WindDownResult {
  /** `${tenantId}:${agreementId}` of each party wound down in this pass */
  wound: string[];
}

/** One pass: every party of an ended agreement that has not wound it down yet. Safe to run in several workers at once. */
export async function runAgreementWindDown(db: Db, now: Date, env: ServiceCtx['env']): Promise<WindDownResult> {
  const result: WindDownResult = { wound: [] };
  const failures: unknown[] = [];
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id, slug: federations.slug }).from(federations));
  for (const fed of feds) {
    const due = await withTenant(db, fed.id, (tx) =>
      tx
        .select({ agreementTenantId: agreements.tenantId, agreementId: agreements.id, title: agreements.title, status: agreements.status })
        .from(agreementParties)
        .innerJoin(agreements, and(eq(agreements.tenantId, agreementParties.agreementTenantId), eq(agreements.id, agreementParties.agreementId)))
        .where(
          and(
            eq(agreementParties.tenantId, fed.id),
            inArray(agreements.status, ['expired', 'terminated']),
            notExists(tx.select({ one: sql`1` }).from(agreementWindDowns).where(and(eq(agreementWindDowns.tenantId, fed.id), eq(agreementWindDowns.agreementId, agreements.id)))),
          ),
        ),
    );
    for (const a of due) {
      try {
        const done = await withTenant(db, fed.id, (tx) =>
          windDownParty({ db: tx, tenantId: fed.id, actor: systemActor, now, locale: 'zh-CN', env }, fed.slug, { ...a, ended: a.status as EndedAgreement['ended'] }),
        );
        if (done) result.wound.push(`${fed.id}:${a.agreementId}`);
      } catch (e) {
        console.error(`[jobs] agreements.wind_down failed for agreement ${a.agreementId} in ${fed.slug}`, e);
        failures.push(e);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `agreements.wind_down: ${failures.length} failed`);
  return result;
}

/** This party's wind-down of one agreement, in the caller's transaction; false when it was done already. */
async function windDownParty(ctx: ServiceCtx, slug: string, a: EndedAgreement): Promise<boolean> {
  const [claimed] = await ctx.db
    .insert(agreementWindDowns)
    .values({ tenantId: ctx.tenantId, agreementTenantId: a.agreementTenantId, agreementId: a.agreementId, ended: a.ended, doneAt: ctx.now })
    .onConflictDoNothing()
    .returning({ agreementId: agreementWindDowns.agreementId });
  if (!claimed) return false;
  const summary: Record<string, number> = {};
  for (const step of steps) summary[step.name] = await step.run(ctx, a);
  await ctx.db
    .update(agreementWindDowns)
    .set({ summary })
    .where(and(eq(agreementWindDowns.tenantId, ctx.tenantId), eq(agreementWindDowns.agreementId, a.agreementId)));
  await recordAudit(ctx, { type: 'agreement.wound_down', entityType: 'agreement', entityId: a.agreementId, data: { ended: a.ended, summary } });
  const lines = (lang: 'zh' | 'en') => steps.map((s) => s.label[lang].replace('{n}', String(summary[s.name] ?? 0))).join(lang === 'zh' ? '；' : '; ');
  await notifyFederation(
    ctx.db,
    { tenantId: ctx.tenantId, slug },
    ['admin', 'lead', 'officer'],
    {
      kind: 'agreement.wound_down',
      vars: { title: a.title, summary: lines('zh'), summaryEn: lines('en') },
      link: `/t/{slug}/agreements/${a.agreementId}`,
      dedupeKey: `agreement.wound_down:${a.agreementId}`,
    },
    ctx.env.publicUrl,
  );
  return true;
}
