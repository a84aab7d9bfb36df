import type { AuditEventDto, AuditVerifyDto } from '@uc/contracts';
import { auditEvents, auditHeads, rowsOf } from '@uc/db';
import { and, asc, desc, eq, gt, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { loadPeople, type PeopleResolver } from '../person/index.ts';
import { chainHash, contentHashOf, eventMac, GENESIS_HASH, hashEvent, headMac, macEquals } from './audit.crypto.ts';
import { sealInTx } from './seal.write.ts';

type AuditRow = typeof auditEvents.$inferSelect;

export function toAuditEventDto(r: AuditRow, people: PeopleResolver): AuditEventDto {
  return {
    seq: r.seq!,
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
  // what committed since the sequencer's last pass is chained first, so the list is complete
  await sealInTx(ctx.db, ctx.tenantId);
  const where: SQL[] = [eq(auditEvents.tenantId, ctx.tenantId), isNotNull(auditEvents.seq)];
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

/** Whether a stored row is what its writer and the sequencer made of it (v1: 0004; v2: 0024). */
function rowIsIntact(r: AuditRow, seq: number, prevHash: string): boolean {
  if (r.seq !== seq || r.prevHash !== prevHash) return false;
  if (r.v === 1) return r.hash === hashEvent({ ...r, seq, prevHash, data: r.data });
  const contentHash = contentHashOf({ ...r, data: r.data });
  return r.contentHash === contentHash && macEquals(r.mac, eventMac(contentHash)) && r.hash === chainHash(prevHash, seq, contentHash);
}

/**
 * Seals what is pending, then walks the whole chain in order: the first event whose content, MAC,
 * hash or link does not match is reported. Then the head: it must point at the last event and
 * carry the key holder's MAC of a state the chain still contains (a truncated tail shows here);
 * and every anchor of this chain recorded in another federation's chain must still match.
 */
export async function verifyAuditChain(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>): Promise<AuditVerifyDto> {
  await sealInTx(ctx.db, ctx.tenantId);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let v2 = 0;
  const hashAt = new Map<number, string>();
  const [head] = await ctx.db.select().from(auditHeads).where(eq(auditHeads.tenantId, ctx.tenantId));
  const anchors = rowsOf<{ anchored_seq: string | number; anchored_hash: string }>(await ctx.db.execute(sql`select anchored_seq, anchored_hash from audit_anchors_of(${ctx.tenantId}::uuid)`)).map((a) => ({
    seq: Number(a.anchored_seq),
    hash: a.anchored_hash,
  }));
  const wanted = new Set<number>([...anchors.map((a) => a.seq), ...(head?.signedSeq ? [head.signedSeq] : [])]);
  const pageSize = 1000;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, ctx.tenantId), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    for (const r of rows) {
      if (!rowIsIntact(r, expectedSeq, prevHash)) return { ok: false, checked, brokenAtSeq: r.seq };
      prevHash = r.hash!;
      if (wanted.has(expectedSeq)) hashAt.set(expectedSeq, prevHash);
      if (r.v === 2) v2++;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const broken = (seq: number) => ({ ok: false, checked, brokenAtSeq: seq });
  // a deleted tail shows as a head that points past the last event
  if (head && (head.seq !== checked || head.hash !== prevHash)) return broken(checked + 1);
  // the head's signature: a state the chain still holds (a tail cut with the head moved back shows here)
  if (head && head.signedSeq !== null) {
    if (!macEquals(head.mac, headMac(ctx.tenantId, head.signedSeq, head.signedHash ?? ''))) return broken(Math.min(head.signedSeq, checked + 1) || 1);
    if (head.signedSeq > checked) return broken(checked + 1);
    if (head.signedSeq > 0 && hashAt.get(head.signedSeq) !== head.signedHash) return broken(head.signedSeq);
  } else if (v2 > 0) {
    return broken(checked);
  }
  // the anchors other federations hold of this chain
  for (const a of anchors.sort((x, y) => x.seq - y.seq)) {
    if (a.seq > checked) return broken(checked + 1);
    if (a.seq > 0 && hashAt.get(a.seq) !== a.hash) return broken(a.seq);
  }
  return { ok: true, checked, brokenAtSeq: null };
}
