import { agreementParties, agreements, auditEvents, auditHeads, federations, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import { systemActor } from '../../service.ts';
import { recordAudit } from './audit.write.ts';
import { sealChain } from './seal.write.ts';

// Anchors each federation's chain outside its own rows (docs/decisions/0024): once a day (China
// date) its sealed head (seq, hash) is recorded as an audit.anchored event in the chain of every
// partner federation (a party to one of its agreements). verify compares the chain with every
// anchor other chains hold of it, so cutting a tail and moving the head back also means cutting
// every partner's chain past its anchor — whose own heads are signed and anchored in turn.

export interface AnchorResult {
  anchored: { federationId: string; partnerId: string; seq: number }[];
}

export async function runAuditAnchors(db: Db, now: Date): Promise<AnchorResult> {
  const day = chinaDate(now);
  const result: AnchorResult = { anchored: [] };
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const fed of feds) {
    await sealChain(db, fed.id);
    const { head, partners } = await withTenant(db, fed.id, async (tx) => {
      const [h] = await tx.select().from(auditHeads).where(eq(auditHeads.tenantId, fed.id));
      const owned = await tx.select({ ids: agreements.partyTenantIds }).from(agreements).where(eq(agreements.tenantId, fed.id));
      const joined = await tx.select({ id: agreementParties.agreementTenantId }).from(agreementParties).where(eq(agreementParties.tenantId, fed.id));
      const ids = new Set([...owned.flatMap((a) => a.ids), ...joined.map((p) => p.id)]);
      ids.delete(fed.id);
      return { head: h, partners: [...ids].sort() };
    });
    if (!head || head.seq === 0) continue;
    for (const partnerId of partners) {
      await withTenant(db, partnerId, async (tx) => {
        // once a day per pair: a second run the same day records nothing more
        const [already] = await tx
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .where(and(eq(auditEvents.tenantId, partnerId), eq(auditEvents.type, 'audit.anchored'), eq(auditEvents.entityId, fed.id), sql`${auditEvents.data}->>'day' = ${day}`))
          .limit(1);
        if (already) return;
        await recordAudit(
          { db: tx, tenantId: partnerId, actor: systemActor, now },
          { type: 'audit.anchored', entityType: 'federation', entityId: fed.id, data: { federationId: fed.id, seq: head.seq, hash: head.hash, day } },
        );
        result.anchored.push({ federationId: fed.id, partnerId, seq: head.seq });
      });
    }
  }
  return result;
}
