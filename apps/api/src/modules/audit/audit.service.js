import { createHash } from 'node:crypto';
import { auditEvents, auditHeads } from '@uc/db';
import { and, asc, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
export const GENESIS_HASH = '0'.repeat(64);
/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value ?? null);
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
export function hashEvent(e) {
    const body = canonicalJson({ ...e, at: e.at.toISOString() });
    return createHash('sha256').update(body).digest('hex');
}
export async function recordAudit(ctx, event) {
    const { db, tenantId, actor, now } = ctx;
    await db.insert(auditHeads).values({ tenantId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
    const [head] = await db.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId)).for('update');
    const fields = {
        tenantId,
        seq: head.seq + 1,
        at: now,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        ip: actor.ip,
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId ?? null,
        data: event.data,
        prevHash: head.hash,
    };
    const hash = hashEvent(fields);
    await db.insert(auditEvents).values({ ...fields, data: fields.data, hash });
    await db.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.tenantId, tenantId));
}
export function toAuditEventDto(r) {
    return {
        seq: r.seq,
        at: r.at.toISOString(),
        actorLabel: r.actorLabel,
        ip: r.ip,
        type: r.type,
        entityType: r.entityType,
        entityId: r.entityId,
        data: (r.data ?? {}),
    };
}
export async function listAuditEvents(ctx, f) {
    const where = [eq(auditEvents.tenantId, ctx.tenantId)];
    if (f.type)
        where.push(eq(auditEvents.type, f.type));
    // dates are read in China Standard Time
    if (f.from)
        where.push(gte(auditEvents.at, sql `${`${f.from}T00:00:00+08:00`}::timestamptz`));
    if (f.to)
        where.push(lt(auditEvents.at, sql `(${`${f.to}T00:00:00+08:00`}::timestamptz + interval '1 day')`));
    if (f.beforeSeq)
        where.push(lt(auditEvents.seq, f.beforeSeq));
    const rows = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(...where))
        .orderBy(desc(auditEvents.seq))
        .limit(f.limit + 1);
    const items = rows.slice(0, f.limit).map(toAuditEventDto);
    return { items, nextBeforeSeq: rows.length > f.limit ? items[items.length - 1].seq : null };
}
/** Walks the whole chain in order; the first event whose hash or link does not match is reported. */
export async function verifyAuditChain(ctx) {
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
        if (rows.length < pageSize)
            break;
    }
    const [head] = await ctx.db.select().from(auditHeads).where(eq(auditHeads.tenantId, ctx.tenantId));
    // a deleted tail shows as a head that points past the last event
    if (head && (head.seq !== checked || head.hash !== prevHash))
        return { ok: false, checked, brokenAtSeq: checked + 1 };
    return { ok: true, checked, brokenAtSeq: null };
}
