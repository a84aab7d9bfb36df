import { auditHeads, rowsOf, withoutTenant, withTenant, type Db } from '@uc/db';
import { eq, sql } from 'drizzle-orm';
import { federations } from '@uc/db';
import { chainHash, headMac, macEquals } from './audit.crypto.ts';

// The sequencer (docs/decisions/0024): chains a federation's committed, unchained audit entries in
// batches, in one short transaction of its own, and signs the new head with the API's key.
//
// Writers never wait for it: they append with audit_append and commit. Two sealers of one
// federation never interleave (audit_seal takes the head's row lock: the second waits for the
// first's commit, then chains what is left). A sealer that dies mid-batch rolls back:
// its entries stay unchained and the next pass chains them, each exactly once (seq is unique per
// federation and audit_seal only chains rows whose seq is null).

export const SEAL_BATCH = 5000;

export interface SealResult {
  /** the head's seq after this pass; null when another sealer held the head */
  seq: number | null;
  /** the head's signature was refused: the signed head no longer matches the chain (see verify) */
  refused?: boolean;
}

/** Test hook: runs between chaining and signing, inside the transaction (a throw rolls both back). */
export type SealHook = (step: 'chained') => Promise<void> | void;

/** Seals one federation's pending entries (inside an open transaction for that federation). */
export async function sealInTx(tx: Db, tenantId: string, hook?: SealHook, limit = SEAL_BATCH): Promise<SealResult> {
  // the head as it was before this pass (its signature fields are not moved by audit_seal)
  const [before] = await tx.select({ seq: auditHeads.seq }).from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  const [sealed] = rowsOf<{ seq: string | number | null }>(await tx.execute(sql`select audit_seal(${tenantId}::uuid, ${limit}::int) as seq`));
  if (sealed?.seq === null || sealed?.seq === undefined) return { seq: null };
  await hook?.('chained');
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  if (!head) return { seq: Number(sealed.seq) };
  if (head.seq === head.signedSeq && head.hash === head.signedHash && macEquals(head.mac, headMac(tenantId, head.seq, head.hash))) return { seq: head.seq };
  // sign only a chain that extends what was signed before: a head moved back (a truncated tail)
  // stays unsigned, for verify to report, rather than being blessed by the next pass
  if (!(await extendsSigned(tx, tenantId, head, before?.seq ?? 0))) return { seq: head.seq, refused: true };
  await tx.execute(sql`select audit_sign_head(${tenantId}::uuid, ${head.seq}::bigint, ${head.hash}, ${headMac(tenantId, head.seq, head.hash)})`);
  return { seq: head.seq };
}

type Head = typeof auditHeads.$inferSelect;

/** The earlier signature is valid and its event is still in the chain with that hash. */
export async function extendsSigned(tx: Db, tenantId: string, head: Head, sealedBefore: number): Promise<boolean> {
  if (head.signedSeq === null || head.signedHash === null) {
    // never signed: only a chain whose earlier passes sealed no v2 event (v1 events from before
    // 0031, or none) may be signed the first time — every pass that seals v2 events signs them
    const [sealedV2] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from audit_event where tenant_id = ${tenantId}::uuid and v = 2 and seq <= ${sealedBefore}::bigint`),
    );
    return (sealedV2?.n ?? 0) === 0 && !head.mac;
  }
  if (!macEquals(head.mac, headMac(tenantId, head.signedSeq, head.signedHash))) return false;
  if (head.signedSeq === 0) return head.signedHash === '0'.repeat(64);
  if (head.signedSeq > head.seq) return false;
  const [at] = rowsOf<{ hash: string | null }>(await tx.execute(sql`select hash from audit_event where tenant_id = ${tenantId}::uuid and seq = ${head.signedSeq}::bigint`));
  return at?.hash === head.signedHash;
}

/** Seals one federation in a transaction of its own, as the app role (what the job and the admin's reads call). */
export function sealChain(db: Db, tenantId: string, hook?: SealHook): Promise<SealResult> {
  return withTenant(db, tenantId, (tx) => sealInTx(tx, tenantId, hook));
}

/** One sequencer pass over every federation with unchained entries. */
export async function sealAll(db: Db): Promise<{ sealed: number }> {
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  let sealed = 0;
  for (const f of feds) {
    const r = await sealChain(db, f.id);
    if (r.seq !== null) sealed++;
  }
  return { sealed };
}

export { chainHash };
