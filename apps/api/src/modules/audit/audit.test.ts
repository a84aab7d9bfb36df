import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../service.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { chainHash, contentHashOf, GENESIS_HASH } from './audit.crypto.ts';
import { recordAudit } from './audit.write.ts';
import { verifyAuditChain } from './audit.query.ts';
import { sealChain } from './seal.write.ts';

// The audit log is append-only and hash-chained per federation (DOMAIN §4): tampering by anyone
// who can write the table directly is detected, and the app itself can only append.

interface Row {
  seq: string | number;
  prev_hash: string;
  hash: string;
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.message} ${errorText(e.cause)}` : String(e ?? ''));

describe('audit log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  const record = (fed: TestFederation, i: number) =>
    withTenant(h.t.db, fed.id, (tx) =>
      recordAudit(
        { db: tx, tenantId: fed.id, actor: { ...systemActor, label: `writer-${i}`, ip: '10.0.0.1' }, now: h.now() },
        { type: 'member.created', entityType: 'member', entityId: `m-${i}`, data: { name: `会员${i}` } },
      ),
    );
  const verify = (fed: TestFederation) => withTenant(h.t.db, fed.id, (tx) => verifyAuditChain({ db: tx, tenantId: fed.id }));
  const chain = async (fed: TestFederation) =>
    (await h.t.query<Row>(`select seq, prev_hash, hash from audit_event where tenant_id = $1 order by seq`, [fed.id])).map((r) => ({
      ...r,
      seq: Number(r.seq),
    }));

  async function fedWithEvents(name: string, count: number) {
    const fed = await makeFederation(h, name);
    for (let i = 1; i <= count; i++) await record(fed, i);
    await sealChain(h.t.db, fed.id);
    return fed;
  }

  describe('when events are recorded', () => {
    it('chains them: seq 1..n, each prevHash the previous hash, starting from the genesis hash', async () => {
      const fed = await fedWithEvents('chain', 5);
      const rows = await chain(fed);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
      const [head] = await h.t.query<{ seq: string | number; hash: string }>(`select seq, hash from audit_head where tenant_id = $1`, [fed.id]);
      expect(Number(head!.seq)).toBe(5);
      expect(head!.hash).toBe(rows[4]!.hash);
    });

    it('stores a hash that recomputes from the row', async () => {
      const fed = await fedWithEvents('recompute', 1);
      const [r] = await withTenant(h.t.db, fed.id, (tx) => tx.query.auditEvents.findMany());
      expect(contentHashOf({ ...r!, data: r!.data })).toBe(r!.contentHash);
      expect(chainHash(GENESIS_HASH, 1, r!.contentHash!)).toBe(r!.hash);
    });

    it('keeps one chain per federation', async () => {
      const a = await fedWithEvents('one', 2);
      const b = await fedWithEvents('two', 3);
      expect((await chain(a)).map((r) => r.seq)).toEqual([1, 2]);
      expect((await chain(b)).map((r) => r.seq)).toEqual([1, 2, 3]);
    });

    it('verifies an intact chain (through the API, for an admin only)', async () => {
      const fed = await fedWithEvents('intact', 4);
      expect(await verify(fed)).toEqual({ ok: true, checked: 4, brokenAtSeq: null });
      const admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
      expect(await admin.audit.verify()).toEqual({ ok: true, checked: 4, brokenAtSeq: null });
      const officer = await callerFor(h, await makeStaff(h, fed, ['officer', 'signatory']), fed);
      await expectCode(officer.audit.verify(), 'FORBIDDEN');
      await expectCode(officer.audit.list({ limit: 10 }), 'FORBIDDEN');
    });

    it('verifies an empty log', async () => {
      const fed = await makeFederation(h, 'empty');
      expect(await verify(fed)).toEqual({ ok: true, checked: 0, brokenAtSeq: null });
    });
  });

  describe('when someone with direct database access tampers with it', () => {
    it("detects an edited row's data at that row", async () => {
      const fed = await fedWithEvents('edit', 5);
      await h.t.query(`update audit_event set data = '{"name":"改过的"}' where tenant_id = $1 and seq = 3`, [fed.id]);
      expect(await verify(fed)).toEqual({ ok: false, checked: 2, brokenAtSeq: 3 });
    });

    it('detects an edited actor, time or ip', async () => {
      for (const [i, change] of [`actor_label = 'someone-else'`, `at = at - interval '1 hour'`, `ip = '10.9.9.9'`].entries()) {
        const fed = await fedWithEvents(`field${i}`, 3);
        await h.t.query(`update audit_event set ${change} where tenant_id = $1 and seq = 2`, [fed.id]);
        expect(await verify(fed), change).toMatchObject({ ok: false, brokenAtSeq: 2 });
      }
    });

    it('detects an edit whose hashes were recomputed too, at that row (its MAC needs the key)', async () => {
      const fed = await fedWithEvents('rehash', 4);
      await h.t.query(`update audit_event set data = '{"name":"改过的"}' where tenant_id = $1 and seq = 2`, [fed.id]);
      const [r] = await withTenant(h.t.db, fed.id, (tx) => tx.query.auditEvents.findMany({ where: (e, { eq }) => eq(e.seq, 2) }));
      const content = contentHashOf({ ...r!, data: r!.data });
      await h.t.query(`update audit_event set content_hash = $2, hash = $3 where tenant_id = $1 and seq = 2`, [fed.id, content, chainHash(r!.prevHash!, 2, content)]);
      expect(await verify(fed)).toEqual({ ok: false, checked: 1, brokenAtSeq: 2 });
    });

    it('detects two events swapped in the chain', async () => {
      const fed = await fedWithEvents('swap', 4);
      await h.t.query(`update audit_event set seq = -seq where tenant_id = $1 and seq in (2, 3)`, [fed.id]);
      await h.t.query(`update audit_event set seq = case seq when -2 then 3 else 2 end where tenant_id = $1 and seq in (-2, -3)`, [fed.id]);
      expect(await verify(fed)).toMatchObject({ ok: false, brokenAtSeq: 2 });
    });

    it('detects a deleted last row', async () => {
      const fed = await fedWithEvents('tail', 4);
      await h.t.query(`delete from audit_event where tenant_id = $1 and seq = 4`, [fed.id]);
      expect(await verify(fed)).toEqual({ ok: false, checked: 3, brokenAtSeq: 4 });
    });

    it('detects a deleted row in the middle', async () => {
      const fed = await fedWithEvents('middle', 4);
      await h.t.query(`delete from audit_event where tenant_id = $1 and seq = 2`, [fed.id]);
      expect(await verify(fed)).toMatchObject({ ok: false, checked: 1 });
    });
  });

  describe('the app role', () => {
    it('cannot UPDATE or DELETE audit events (permission denied), only append', async () => {
      const fed = await fedWithEvents('approle', 2);
      const attempts = [
        `update audit_event set actor_label = 'x' where seq = 1`,
        `delete from audit_event where seq = 2`,
        `delete from audit_event`,
        `truncate audit_event`,
      ];
      for (const text of attempts) {
        const err = await withTenant(h.t.db, fed.id, (tx) => tx.execute(sql.raw(text))).then(
          () => null,
          (e: unknown) => e,
        );
        expect(errorText(err), text).toMatch(/permission denied/i);
      }
      // appending is what it may do
      await record(fed, 3);
      expect(await verify(fed)).toEqual({ ok: true, checked: 3, brokenAtSeq: null });
    });
  });

  describe('when many transactions record at once', () => {
    it('keeps a single unbroken chain with seq 1..20 (20 parallel transactions)', async () => {
      const fed = await makeFederation(h, 'parallel');
      await Promise.all(Array.from({ length: 20 }, (_, i) => record(fed, i + 1)));
      await sealChain(h.t.db, fed.id);
      const rows = await chain(fed);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await verify(fed)).toEqual({ ok: true, checked: 20, brokenAtSeq: null });
      // and again, on a chain that already has a head
      await Promise.all(Array.from({ length: 20 }, (_, i) => record(fed, i + 21)));
      expect(await verify(fed)).toEqual({ ok: true, checked: 40, brokenAtSeq: null });
    });
  });
});

