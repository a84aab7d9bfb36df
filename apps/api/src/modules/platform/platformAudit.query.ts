import { platformAuditEvents, withoutTenant } from '@uc/db';
import { asc, desc } from 'drizzle-orm';
import { GENESIS_HASH } from '../audit/index.ts';
import type { PlatformCtx } from './platform.types.ts';
import { hashPlatformEvent } from './platformAudit.write.ts';

export async function listPlatformAudit(ctx: PlatformCtx, limit = 100) {
  const rows = await withoutTenant(ctx.db, (tx) => tx.select().from(platformAuditEvents).orderBy(desc(platformAuditEvents.seq)).limit(limit));
  return rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), actorLabel: r.actorLabel, type: r.type, entityId: r.entityId, data: r.data }));
}

/** Recomputes the whole chain: ok, or the first seq whose hash or link does not match. */
export async function verifyPlatformAudit(ctx: PlatformCtx): Promise<{ ok: boolean; count: number; brokenAt: number | null }> {
  const rows = await withoutTenant(ctx.db, (tx) => tx.select().from(platformAuditEvents).orderBy(asc(platformAuditEvents.seq)));
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1 || r.prevHash !== prev || hashPlatformEvent(r) !== r.hash) return { ok: false, count: rows.length, brokenAt: r.seq };
    prev = r.hash;
  }
  return { ok: true, count: rows.length, brokenAt: null };
}
