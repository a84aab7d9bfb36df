import { createHmac, createPrivateKey, createPublicKey, sign, timingSafeEqual, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../lib/canonical.ts';

// The audit chain's hashes and the keyed MACs that the database cannot make (docs/decisions/0024).
//
// The MAC key lives in the API process (AUDIT_KEY, env.ts): the database holds no copy, so neither
// the app role nor the owner of the database can compute an event's or the head's MAC. Production
// refuses to start without it; development and tests use a fixed key (so demo data stays valid
// across restarts).

export const GENESIS_HASH = '0'.repeat(64);

const DEV_AUDIT_KEY = Buffer.from('union-commons-dev-audit-chain-k32', 'utf8');
let auditKey: Buffer = DEV_AUDIT_KEY;
let statementKey: { privateKey: KeyObject; publicKeyPem: string } | null = null;

/** Sets the MAC key for this process (main.ts, from AUDIT_KEY). */
export function configureAuditKey(key: Buffer): void {
  if (key.length < 32) throw new Error('AUDIT_KEY must be at least 32 bytes');
  auditKey = key;
  statementKey = null;
}

const hmac = (text: string) => createHmac('sha256', auditKey).update(text).digest('hex');

/** Compares two hex MACs in constant time. */
export function macEquals(a: string | null | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The fields of an event that its content hash covers (v2): everything but its place in the chain. */
export interface EventContent {
  tenantId: string;
  id: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  ip: string | null;
  type: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

export function contentHashOf(e: EventContent): string {
  const { tenantId, id, at, actorUserId, actorLabel, ip, type, entityType, entityId, data } = e;
  return sha256Hex(canonicalJson({ tenantId, id, at: at.toISOString(), actorUserId, actorLabel, ip, type, entityType, entityId, data }));
}

/** The link the sequencer stores (audit_seal in SQL computes exactly this). */
export const chainHash = (prevHash: string, seq: number, contentHash: string) => sha256Hex(`${prevHash}:${seq}:${contentHash}`);

export const eventMac = (contentHash: string) => hmac(`audit-event|${contentHash}`);

export const headMac = (tenantId: string, seq: number, hash: string) => hmac(`audit-head|${tenantId}|${seq}|${hash}`);

/** The v1 hash (docs/decisions/0004): events chained by the old writer, before migration 0031. */
export type V1Fields = Omit<EventContent, 'id'> & { seq: number; prevHash: string };

export function hashEvent(e: V1Fields): string {
  // only the listed fields: a row read back also has id and hash, which are not hashed
  const { tenantId, seq, at, actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash } = e;
  return sha256Hex(canonicalJson({ tenantId, seq, at: at.toISOString(), actorUserId, actorLabel, ip, type, entityType, entityId, data, prevHash }));
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The Ed25519 key that signs head statements, derived from the MAC key (one secret to keep). */
function statementSigner() {
  if (!statementKey) {
    const seed = createHmac('sha256', auditKey).update('audit-statement-signing-key').digest();
    const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    statementKey = { privateKey, publicKeyPem: createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString() };
  }
  return statementKey;
}

/** Signs a statement's canonical JSON with Ed25519: anyone with the public key can check it, offline. */
export function signStatement(statement: Record<string, unknown>): { signature: string; publicKey: string } {
  const s = statementSigner();
  return { signature: sign(null, Buffer.from(canonicalJson(statement)), s.privateKey).toString('base64'), publicKey: s.publicKeyPem };
}
