import { platformAuditEvents, platformAuditHead, type Db } from '@uc/db';
import { eq } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '../../lib/canonical.ts';
import { GENESIS_HASH } from '../audit/index.ts';

// The platform's own audit chain (docs/decisions/0014-go-live.md): what the operator does to
// federations — created, admin invited, suspended, reactivated — append-only and hash-chained
// like each federation's chain (decisions/0004), in one chain for the whole platform.

export type PlatformEventType = 'platform.operator_created' | 'platform.federation_created' | 'platform.federation_suspended' | 'platform.federation_reactivated' | 'platform.calendar_set';

export interface PlatformActor {
  userId: string | null;
  label: string;
  ip: string | null;
}

interface Hashed {
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

export function hashPlatformEvent(e: Hashed): string {
  const { seq, at, actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash } = e;
  return sha256Hex(canonicalJson({ seq, at: at.toISOString(), actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash }));
}

/** Appends to the platform chain in the caller's transaction (the head row's lock serialises appends). */
export async function recordPlatformAudit(
  tx: Db,
  actor: PlatformActor,
  now: Date,
  event: { type: PlatformEventType; entityType: 'federation' | 'user' | 'calendar'; entityId: string | null; data: Record<string, unknown> },
): Promise<void> {
  await tx.insert(platformAuditHead).values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(platformAuditHead).where(eq(platformAuditHead.id, 1)).for('update');
  const fields: Hashed = { seq: head!.seq + 1, at: now, actorUserId: actor.userId, actorLabel: actor.label, ip: actor.ip, ...event, prevHash: head!.hash };
  const hash = hashPlatformEvent(fields);
  await tx.insert(platformAuditEvents).values({ ...fields, data: event.data, hash });
  await tx.update(platformAuditHead).set({ seq: fields.seq, hash }).where(eq(platformAuditHead.id, 1));
}
