import { auditEvents, auditHeads } from '@uc/db';
import { eq } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '../../lib/canonical.ts';
import type { ServiceCtx } from '../../service.ts';
import type { AuditEvent } from './audit.types.ts';

export const GENESIS_HASH = '0'.repeat(64);

interface HashedFields {
  tenantId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  ip: string | null;
  type: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  prevHash: string;
}

export function hashEvent(e: HashedFields): string {
  // only the listed fields: a row read back also has id and hash, which are not hashed
  const { tenantId, seq, at, actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash } = e;
  return sha256Hex(canonicalJson({ tenantId, seq, at: at.toISOString(), actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash }));
}

/**
 * Appends an event to the federation's chain in the caller's transaction. The head row lock
 * serialises appends per federation so two writers never fork the chain.
 */
export type AuditCtx = Pick<ServiceCtx, 'db' | 'tenantId' | 'actor' | 'now'>;

export async function recordAudit(ctx: AuditCtx, event: AuditEvent & { entityId?: string | null }): Promise<void> {
  const { db, tenantId, actor, now } = ctx;
  // the head's creation (first event only) and its lock, sent together: one round trip
  const [, [head]] = await Promise.all([
    db.insert(auditHeads).values({ tenantId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing(),
    db.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId)).for('update'),
  ]);
  const fields: HashedFields = {
    tenantId,
    seq: head!.seq + 1,
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    data: event.data,
    prevHash: head!.hash,
  };
  const hash = hashEvent(fields);
  // the event and the head's move, sent together: the lock is held one round trip less
  await Promise.all([
    db.insert(auditEvents).values({ ...fields, data: fields.data as Record<string, unknown>, hash }),
    db.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.tenantId, tenantId)),
  ]);
}
