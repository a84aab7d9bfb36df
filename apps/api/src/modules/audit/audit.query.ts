import type { AuditEventDto, AuditVerifyDto } from '@uc/contracts';
import { auditEvents, auditHeads } from '@uc/db';
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { loadPeople, type PeopleResolver } from '../person/index.ts';
import { GENESIS_HASH, hashEvent } from './audit.write.ts';

type AuditRow = typeof auditEvents.$inferSelect;

export function toAuditEventDto(r: AuditRow, people: PeopleResolver): AuditEventDto {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: people.person(r.actorUserId, r.tenantId),
    ip: r.ip,
    type: r.type,
    entityType: r.entityType,
    entityId: r.entityId,
    data: (r.data ?? {}) as Record<string, unknown>,
  };
}

export interface AuditFilter {
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditEvents(ctx: ServiceCtx, f: AuditFilter) {
  const where: SQL[] = [eq(auditEvents.tenantId, ctx.tenantId)];
  if (f.type) where.push(eq(auditEvents.type, f.type));
  // dates are read in China Standard Time
  if (f.from) where.push(gte(auditEvents.at, sql`${`${f.from}T00:00:00+08:00`}::timestamptz`));
  if (f.to) where.push(lt(auditEvents.at, sql`(${`${f.to}T00:00:00+08:00`}::timestamptz + interval '1 day')`));
  if (f.beforeSeq) where.push(lt(auditEvents.seq, f.beforeSeq));
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const people = await loadPeople(ctx, page.map((r) => r.actorUserId), [ctx.tenantId]);
  const items = page.map((r) => toAuditEventDto(r, people));
  return { items, nextBeforeSeq: rows.length > f.limit ? items[items.length - 1]!.seq : null };
}

/** Walks the whole chain in order; the first event whose hash or link does not match is reported. */
export async function verifyAuditChain(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>): Promise<AuditVerifyDto> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 1000;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, ctx.tenantId), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const r of rows) {
      const recomputed = hashEvent({ ...r, data: r.data });
      if (r.seq !== expectedSeq || r.prevHash !== prevHash || r.hash !== recomputed) {
        return { ok: false, checked, brokenAtSeq: r.seq };
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await ctx.db.select().from(auditHeads).where(eq(auditHeads.tenantId, ctx.tenantId));
  // a deleted tail shows as a head that points past the last event
  if (head && (head.seq !== checked || head.hash !== prevHash)) return { ok: false, checked, brokenAtSeq: checked + 1 };
  return { ok: true, checked, brokenAtSeq: null };
}
