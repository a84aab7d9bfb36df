import { withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../service.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, signInCookie, startServer, type Harness, type TestFederation } from '../../test/harness.ts';
import { registerModules } from '../index.ts';
import { runAuditAnchors } from './anchor.job.ts';
import { contentHashOf, signStatement } from './audit.crypto.ts';
import { verifyAuditChain } from './audit.query.ts';
import { recordAudit } from './audit.write.ts';
import { sealChain } from './seal.write.ts';

// The chain without a per-federation lock (docs/decisions/0024): writers append unchained, the
// sequencer chains committed entries in batches; the app role cannot write the chain tables nor
// forge an event; a truncated tail is caught by the head's MAC and by partners' anchors.

const errorText = (e: unknown): string => (e instanceof Error ? `${e.message} ${errorText(e.cause)}` : String(e ?? ''));

describe('audit chain: sequencer, forgery, anchors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h?.close());

  const record = (fed: TestFederation, i: number) =>
    withTenant(h.t.db, fed.id, (tx) =>
      recordAudit(
        { db: tx, tenantId: fed.id, actor: { ...systemActor, label: `writer-${i}` }, now: h.now() },
        { type: 'member.created', entityType: 'member', entityId: `m-${i}`, data: { name: `会员${i}` } },
      ),
    );
  const verify = (fed: TestFederation) => withTenant(h.t.db, fed.id, (tx) => verifyAuditChain({ db: tx, tenantId: fed.id }));
  const seqs = async (fed: TestFederation) =>
    (await h.t.query<{ seq: string | number | null; entry: string | number }>(`select seq, entry from audit_event where tenant_id = $1 order by entry`, [fed.id])).map((r) => ({
      seq: r.seq === null ? null : Number(r.seq),
      entry: Number(r.entry),
    }));
  const asApp = (fed: TestFederation, text: string) =>
    withTenant(h.t.db, fed.id, (tx) => tx.execute(sql.raw(text))).then(
      () => null,
      (e: unknown) => errorText(e),
    );

  it('appends without chaining; the sequencer chains committed entries in entry order, each once', async () => {
    const fed = await makeFederation(h, 'seq');
    for (let i = 1; i <= 3; i++) await record(fed, i);
    expect((await seqs(fed)).map((r) => r.seq)).toEqual([null, null, null]);
    await sealChain(h.t.db, fed.id);
    await record(fed, 4);
    await sealChain(h.t.db, fed.id);
    await sealChain(h.t.db, fed.id); // nothing pending: nothing moves
    expect((await seqs(fed)).map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(await verify(fed)).toEqual({ ok: true, checked: 4, brokenAtSeq: null });
  });

  it('loses nothing and chains nothing twice when the sequencer dies mid-batch', async () => {
    const fed = await makeFederation(h, 'killed');
    for (let i = 1; i <= 5; i++) await record(fed, i);
    const killed = await sealChain(h.t.db, fed.id, () => {
      throw new Error('sequencer killed after chaining, before signing');
    }).then(
      () => null,
      (e: unknown) => errorText(e),
    );
    expect(killed).toMatch(/sequencer killed/);
    // rolled back: all five still pending, the head untouched
    expect((await seqs(fed)).map((r) => r.seq)).toEqual([null, null, null, null, null]);
    await record(fed, 6);
    await sealChain(h.t.db, fed.id);
    expect((await seqs(fed)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await verify(fed)).toEqual({ ok: true, checked: 6, brokenAtSeq: null });
  });

  it('keeps one verifiable chain while many transactions append and sequencers seal at once', async () => {
    const fed = await makeFederation(h, 'parallel');
    const writers = Array.from({ length: 40 }, (_, i) => record(fed, i + 1));
    const sealers = Array.from({ length: 6 }, () => sealChain(h.t.db, fed.id));
    await Promise.all([...writers, ...sealers]);
    await sealChain(h.t.db, fed.id);
    const rows = await seqs(fed);
    expect(rows.map((r) => r.seq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verify(fed)).toEqual({ ok: true, checked: 40, brokenAtSeq: null });
  });

  describe('the app role', () => {
    it('cannot insert into, update or delete the chain tables (permission denied)', async () => {
      const fed = await makeFederation(h, 'denied');
      await record(fed, 1);
      await sealChain(h.t.db, fed.id);
      for (const text of [
        `insert into audit_event (tenant_id, seq, at, actor_label, type, entity_type, prev_hash, hash) values ('${fed.id}', 2, now(), 'x', 'member.created', 'member', 'a', 'b')`,
        `update audit_event set seq = 9 where tenant_id = '${fed.id}'`,
        `delete from audit_event where tenant_id = '${fed.id}'`,
        `insert into audit_head (tenant_id, seq, hash) values ('${fed.id}', 5, 'x') on conflict (tenant_id) do update set seq = 5`,
        `update audit_head set seq = 0 where tenant_id = '${fed.id}'`,
        `delete from audit_head`,
      ]) {
        expect(await asApp(fed, text), text).toMatch(/permission denied/i);
      }
      // nor append to another federation's log through the function
      const other = await makeFederation(h, 'other');
      expect(await asApp(fed, `select audit_append('${other.id}', gen_random_uuid(), now(), null, 'x', null, 't', 'e', null, '{}', 'h', 'm')`)).toMatch(/not the transaction's federation/);
    });

    it('cannot forge an event: a correctly computed hash without the key fails verify at that event', async () => {
      const fed = await makeFederation(h, 'forged');
      await record(fed, 1);
      const id = '00000000-0000-4000-8000-000000000001';
      const at = new Date('2026-01-01T00:00:00Z');
      const content = contentHashOf({ tenantId: fed.id, id, at, actorUserId: null, actorLabel: 'forger', ip: null, type: 'member.created', entityType: 'member', entityId: 'x', data: {} });
      const fakeMac = 'f'.repeat(64);
      expect(
        await asApp(fed, `select audit_append('${fed.id}', '${id}', '${at.toISOString()}', null, 'forger', null, 'member.created', 'member', 'x', '{}', '${content}', '${fakeMac}')`),
      ).toBeNull();
      await record(fed, 3);
      // sealing is open to the app role, but it only chains; the forged entry's MAC gives it away
      expect(await asApp(fed, `select audit_seal('${fed.id}', 100)`)).toBeNull();
      expect(await verify(fed)).toEqual({ ok: false, checked: 1, brokenAtSeq: 2 });
      // and a replay of a genuine event (same id, content and MAC) is refused
      const [genuine] = await h.t.query<{ id: string; content_hash: string; mac: string }>(`select id, content_hash, mac from audit_event where tenant_id = $1 and seq = 1`, [fed.id]);
      expect(
        await asApp(fed, `select audit_append('${fed.id}', '${genuine!.id}', now(), null, 'writer-1', null, 'member.created', 'member', 'm-1', '{"name":"会员1"}', '${genuine!.content_hash}', '${genuine!.mac}')`),
      ).toMatch(/duplicate key|unique/i);
    });
  });

  describe('the owner truncating the tail', () => {
    it('is caught by the head signature when the last event is deleted and the head moved back', async () => {
      const fed = await makeFederation(h, 'cut');
      for (let i = 1; i <= 4; i++) await record(fed, i);
      await sealChain(h.t.db, fed.id);
      const [third] = await h.t.query<{ hash: string }>(`select hash from audit_event where tenant_id = $1 and seq = 3`, [fed.id]);
      await h.t.query(`delete from audit_event where tenant_id = $1 and seq = 4`, [fed.id]);
      await h.t.query(`update audit_head set seq = 3, hash = $2 where tenant_id = $1`, [fed.id, third!.hash]);
      expect(await verify(fed)).toEqual({ ok: false, checked: 3, brokenAtSeq: 4 });
      // wiping the signature does not help: a chain with sealed events must carry one
      await h.t.query(`update audit_head set signed_seq = null, signed_hash = null, mac = null where tenant_id = $1`, [fed.id]);
      expect(await verify(fed)).toMatchObject({ ok: false });
    });

    it("is caught by a partner's anchor when an older signed head is put back", async () => {
      const a = await makeFederation(h, 'anchored');
      const b = await makeFederation(h, 'partner');
      await h.t.query(`insert into agreement (tenant_id, title, status, party_tenant_ids, term_start, term_end) values ($1, '合作协议', 'active', $2, '2026-01-01', '2026-12-31')`, [a.id, [a.id, b.id]]);
      for (let i = 1; i <= 3; i++) await record(a, i);
      await sealChain(h.t.db, a.id);
      const [old] = await h.t.query<Record<string, unknown>>(`select seq, hash, signed_seq, signed_hash, mac from audit_head where tenant_id = $1`, [a.id]);
      await record(a, 4);
      const r = await runAuditAnchors(h.t.db, h.now());
      expect(r.anchored).toContainEqual({ federationId: a.id, partnerId: b.id, seq: 4 });
      expect((await runAuditAnchors(h.t.db, h.now())).anchored).toEqual([]); // once a day
      expect(await verify(a)).toEqual({ ok: true, checked: 4, brokenAtSeq: null });
      expect(await verify(b)).toMatchObject({ ok: true });
      // the owner cuts event 4 and restores the head row saved at seq 3, signature and all
      await h.t.query(`delete from audit_event where tenant_id = $1 and seq = 4`, [a.id]);
      await h.t.query(`update audit_head set seq = $2, hash = $3, signed_seq = $4, signed_hash = $5, mac = $6 where tenant_id = $1`, [a.id, old!.seq, old!.hash, old!.signed_seq, old!.signed_hash, old!.mac]);
      expect(await verify(a)).toEqual({ ok: false, checked: 3, brokenAtSeq: 4 });
    });
  });

  it('gives the admin a signed statement of the head, as a download too (admins only)', async () => {
    registerModules();
    const { createPublicKey, verify: check } = await import('node:crypto');
    const { canonicalJson } = await import('../../lib/canonical.ts');
    const fed = await makeFederation(h, 'stmt');
    for (let i = 1; i <= 2; i++) await record(fed, i);
    const adminUser = await makeStaff(h, fed, ['admin']);
    const admin = await callerFor(h, adminUser, fed);
    const s = await admin.audit.statement();
    // the staff invitation and the two records: sealed before the statement is made
    const [head] = await h.t.query<{ seq: string | number; hash: string }>(`select seq, hash from audit_head where tenant_id = $1`, [fed.id]);
    expect(s.statement).toMatchObject({ kind: 'union-commons.audit-head', federationId: fed.id, federationSlug: fed.slug, seq: Number(head!.seq), hash: head!.hash });
    expect(check(null, Buffer.from(canonicalJson(s.statement)), createPublicKey(s.publicKey), Buffer.from(s.signature, 'base64'))).toBe(true);
    const officer = await callerFor(h, await makeStaff(h, fed, ['officer']), fed);
    await expectCode(officer.audit.statement(), 'FORBIDDEN');

    const server = await startServer(h);
    try {
      const res = await fetch(`${server.url}/api/t/${fed.slug}/audit/statement.json`, { headers: { cookie: await signInCookie(server.url, adminUser) } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`audit-head-${fed.slug}`);
      const body = (await res.json()) as typeof s;
      expect(body.statement.federationId).toBe(fed.id);
      expect(check(null, Buffer.from(canonicalJson(body.statement)), createPublicKey(body.publicKey), Buffer.from(body.signature, 'base64'))).toBe(true);
      const anonymous = await fetch(`${server.url}/api/t/${fed.slug}/audit/statement.json`);
      expect(anonymous.status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('signs head statements with Ed25519 (checkable offline with the public key)', async () => {
    const { createPublicKey, verify: check } = await import('node:crypto');
    const { canonicalJson } = await import('../../lib/canonical.ts');
    const statement = { federationId: 'f', seq: 3, hash: 'ab', at: '2026-01-01T00:00:00.000Z' };
    const s = signStatement(statement);
    expect(check(null, Buffer.from(canonicalJson(statement)), createPublicKey(s.publicKey), Buffer.from(s.signature, 'base64'))).toBe(true);
    expect(check(null, Buffer.from(canonicalJson({ ...statement, seq: 2 })), createPublicKey(s.publicKey), Buffer.from(s.signature, 'base64'))).toBe(false);
  });
});
