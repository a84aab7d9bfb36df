import { GLOBAL_TABLES, withTenant, type Db, type DbHandle } from '@uc/db';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { dashboardPanels } from '../modules/dashboard/index.ts';
import { registerModules } from '../modules/index.ts';
import { agreementBoard, agreementTimeline, itemPage, listActivity, myItems } from '../modules/jointItem/index.ts';
import type { ServiceCtx } from '../service.ts';

// EXPLAIN of the very statements a view runs: the view is run once through a Drizzle instance
// that logs every statement (same connection pool, same tenant transaction as a request), then
// each read is explained with its parameters under the same tenant context, as the app role.

export interface Statement {
  query: string;
  params: unknown[];
}
export interface PlanCheck {
  statement: Statement;
  plan: string[];
  /** tenant tables the plan reads with a sequential scan (RLS policy subplans included) */
  seqScans: string[];
}

/** Runs fn as a tenant service would (withTenant, app role) and returns the statements it sent. */
export async function captureStatements(handle: DbHandle, ctxBase: Omit<ServiceCtx, 'db'>, fn: (ctx: ServiceCtx) => Promise<unknown>): Promise<Statement[]> {
  const log: Statement[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => log.push({ query, params }) };
  const client = (handle.db as unknown as { $client: never }).$client;
  const db = (handle.kind === 'pglite' ? drizzlePglite(client, { logger }) : drizzlePostgres(client, { logger })) as unknown as Db;
  await withTenant(db, ctxBase.tenantId, (tx) => fn({ ...ctxBase, db: tx }), { userId: ctxBase.actor.userId ?? '' });
  // reads only; the transaction's own set_config is not a view's query
  return log.filter((s) => /^\s*(select|with)\b/i.test(s.query) && !/^\s*select set_config/i.test(s.query));
}

/** EXPLAIN (FORMAT JSON) of each statement in the tenant's context. */
export async function explainStatements(handle: DbHandle, ctxBase: Omit<ServiceCtx, 'db'>, statements: Statement[], opts: { seqscan?: boolean } = {}): Promise<PlanCheck[]> {
  const out: PlanCheck[] = [];
  for (const statement of statements) {
    const rows = await withTenant(
      handle.db,
      ctxBase.tenantId,
      async (tx) => {
        if (opts.seqscan === false) await tx.execute(sql`set local enable_seqscan = off`);
        return tx.execute(withParams(`explain (format json, costs off) ${statement.query}`, statement.params));
      },
      { userId: ctxBase.actor.userId ?? '' },
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const raw = Object.values(list[0]!)[0];
    const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const plan: string[] = [];
    const seqScans: string[] = [];
    walk(json[0]!.Plan, 0, plan, seqScans);
    out.push({ statement, plan, seqScans });
  }
  return out;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

const GLOBAL = new Set<string>(GLOBAL_TABLES);

function walk(node: PlanNode, depth: number, lines: string[], seq: string[]) {
  const rel = node['Relation Name'];
  lines.push(`${'  '.repeat(depth)}${node['Node Type']}${rel ? ` on ${rel}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`);
  if (node['Node Type'] === 'Seq Scan' && rel && !GLOBAL.has(rel)) seq.push(rel);
  for (const child of node.Plans ?? []) walk(child, depth + 1, lines, seq);
}

/** The statement text with $n placeholders bound to its parameters, as one Drizzle SQL object. */
function withParams(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((p, i) => chunks.push(i % 2 === 0 ? sql.raw(p) : sql`${params[Number(p) - 1]}`));
  return sql.join(chunks, sql.raw(''));
}

/** Every read the lead's views make, by name: the calls the EXPLAIN test and `pnpm bench items` check. */
export function viewCalls(ids: { agreementId: string; itemId: string }): { name: string; run(ctx: ServiceCtx): Promise<unknown> }[] {
  registerModules(); // the dashboard's panels
  return [
    { name: 'myItems', run: (ctx) => myItems(ctx, { includeClosed: false, limit: 200 }) },
    { name: 'board', run: (ctx) => agreementBoard(ctx, ids.agreementId) },
    { name: 'timeline', run: (ctx) => agreementTimeline(ctx, ids.agreementId) },
    { name: 'itemPage', run: (ctx) => itemPage(ctx, ids.itemId) },
    { name: 'activity[agreement]', run: (ctx) => listActivity(ctx, { agreementId: ids.agreementId, limit: 50 }) },
    {
      name: 'dashboard[federation]',
      run: (ctx) => dashboardPanels(ctx, { scope: 'federation', weeks: 12, modules: ['items'] }),
    },
    {
      name: 'dashboard[agreement]',
      run: (ctx) =>
        dashboardPanels(ctx, { scope: 'agreement', agreementId: ids.agreementId, weeks: 12, modules: ['items'] }),
    },
  ];
}
