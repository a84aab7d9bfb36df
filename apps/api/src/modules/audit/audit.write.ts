import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { contentHashOf, eventMac, type EventContent } from './audit.crypto.ts';
import type { AuditEvent } from './audit.types.ts';

export { GENESIS_HASH, hashEvent } from './audit.crypto.ts';

/**
 * Appends an event to the federation's log in the caller's transaction: one statement, no lock.
 * The event is stored unchained (seq null) with its content hash and the API's keyed MAC of it;
 * the sequencer (seal.write.ts) chains committed entries shortly after (docs/decisions/0024). The
 * app role has no INSERT on audit_event: audit_append (SECURITY DEFINER, owned by uc_audit) is the
 * one way in, and it cannot set seq, prev_hash or hash.
 */
export type AuditCtx = Pick<ServiceCtx, 'db' | 'tenantId' | 'actor' | 'now'>;

export async function recordAudit(ctx: AuditCtx, event: AuditEvent & { entityId?: string | null }): Promise<void> {
  const { db, tenantId, actor, now } = ctx;
  const content: EventContent = {
    tenantId,
    id: randomUUID(),
    at: now,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    ip: actor.ip,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    // as stored: what JSON keeps (a Date becomes its ISO text), so the hash recomputes from the row
    data: JSON.parse(JSON.stringify(event.data ?? {})) as unknown,
  };
  const contentHash = contentHashOf(content);
  await db.execute(
    sql`select audit_append(${tenantId}::uuid, ${content.id}::uuid, ${now.toISOString()}::timestamptz, ${content.actorUserId}::uuid, ${content.actorLabel}, ${content.ip},
      ${content.type}, ${content.entityType}, ${content.entityId}, ${JSON.stringify(content.data)}::jsonb, ${contentHash}, ${eventMac(contentHash)})`,
  );
}
