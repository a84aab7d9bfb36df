import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationMessagesZh } from '@uc/contracts/i18n';
import { liaisonContacts, withTenant } from '@uc/db';
import { eq } from 'drizzle-orm';
import {
  callerFor,
  createHarness,
  expectCode,
  makeFederation,
  makeStaff,
  startServer,
  TEST_PASSWORD,
  type Harness,
  type TestFederation,
  type TestUser,
} from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { active, negotiating } from './mechanism.testkit.ts';

describe('liaison pairs', () => {
  let h: Harness;
  let A: TestFederation, B: TestFederation, C: TestFederation;
  let a: Caller, b: Caller, c: Caller, bOfficer: Caller, bLead: Caller;
  let aUser: TestUser;

  const hzSide = () => ({ partySlug: A.slug, unitName: '杭州市总工会宣教部', contactName: '王芳', title: '部长', phone: '0571-87654321', email: 'wangfang@hz.example.cn' });
  /** the other party's side as a form sends it back before they filled it in */
  const nbSideAsSent = () => ({ partySlug: B.slug, unitName: '', contactName: '', title: '', phone: '', email: '' });
  const nbSide = () => ({ partySlug: B.slug, unitName: '宁波市总工会宣传教育部', contactName: '李强', title: '副部长', phone: '13800138000', email: 'liqiang@nb.example.cn' });

  beforeAll(async () => {
    h = await createHarness();
    [A, B, C] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx')];
    aUser = await makeStaff(h, A, ['admin', 'signatory']);
    a = await callerFor(h, aUser, A);
    b = await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B);
    c = await callerFor(h, await makeStaff(h, C, ['admin', 'signatory']), C);
    bOfficer = await callerFor(h, await makeStaff(h, B, ['officer']), B);
    bLead = await callerFor(h, await makeStaff(h, B, ['lead']), B);
  });
  afterAll(() => h.close());

  describe('when each side fills in its contact', () => {
    it('creates a pair with a side for every party, and lets the other party fill in its own side', async () => {
      const g = await negotiating(a, [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      expect(pair.contacts.map((x) => x.partySlug)).toEqual([A.slug, B.slug]);
      expect(pair.contacts[0]).toMatchObject({ ...hzSide(), editable: true });
      expect(pair.contacts[1]).toMatchObject({ contactName: '', phone: '', editable: false });

      const updated = await bOfficer.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [nbSide()] });
      expect(updated.rowVersion).toBe(pair.rowVersion + 1);
      const [seenByA] = await a.liaison.list({ agreementId: g.id });
      expect(seenByA!.contacts).toMatchObject([hzSide(), nbSide()]);
      expect(seenByA!.contacts.map((x) => x.editable)).toEqual([true, false]);
      expect((await b.liaison.get({ id: pair.id })).contacts.map((x) => x.editable)).toEqual([false, true]);
    });

    it('lists pairs from the executive vice-chairs down to the districts', async () => {
      const g = await negotiating(a, [B.slug]);
      for (const level of ['district', 'vice_chair', 'industry', 'department'] as const) await a.liaison.create({ agreementId: g.id, level, sides: [hzSide()] });
      expect((await b.liaison.list({ agreementId: g.id })).map((p) => p.level)).toEqual(['vice_chair', 'department', 'industry', 'district']);
    });

    it('writes every change to both parties’ audit logs, naming the fields changed but not the details', async () => {
      const g = await negotiating(a, [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'vice_chair', sides: [hzSide()] });
      await b.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [{ partySlug: B.slug, unitName: '宁波市总工会办公室', contactName: '张伟', phone: '13900139000' }] });
      for (const caller of [a, b]) {
        const events = (await caller.audit.list({ limit: 50 })).items.filter((e) => e.entityId === pair.id);
        expect(events.map((e) => e.type).sort()).toEqual(['liaison.created', 'liaison.updated']);
        const upd = events.find((e) => e.type === 'liaison.updated')!;
        expect(upd.data).toMatchObject({ changes: { [B.slug]: ['unitName', 'contactName', 'phone'] } });
        expect(JSON.stringify(upd.data)).not.toContain('13900139000');
      }
    });
  });

  describe('when a party touches the other side', () => {
    it('refuses to change the other party’s contact, on create and on update', async () => {
      const g = await negotiating(a, [B.slug]);
      await expectCode(a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide(), nbSide()] }), 'FORBIDDEN');
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      await expectCode(b.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [{ ...hzSide(), phone: '13700137000' }] }), 'FORBIDDEN');
      expect((await a.liaison.get({ id: pair.id })).contacts[0]).toMatchObject(hzSide());
    });

    it('leaves the other side unchanged even for a write that skips the service (the database guards it too)', async () => {
      const g = await negotiating(a, [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      const changed = await withTenant(h.t.db, B.id, (tx) =>
        tx.update(liaisonContacts).set({ phone: '13700137000' }).where(eq(liaisonContacts.pairId, pair.id)).returning(),
      );
      expect(changed.map((r) => r.partyTenantId)).toEqual([B.id]);
      expect((await a.liaison.get({ id: pair.id })).contacts[0]).toMatchObject(hzSide());
    });

    it('accepts the other side sent back unchanged, as a form does', async () => {
      const g = await negotiating(a, [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      const done = await b.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, level: 'industry', sides: [hzSide(), nbSide()] });
      expect(done).toMatchObject({ level: 'industry' });
      expect(done.contacts).toMatchObject([hzSide(), nbSide()]);
    });
  });

  describe('when edits collide', () => {
    it('refuses an update or a delete based on a stale version', async () => {
      const g = await negotiating(a, [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      await a.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, level: 'district', sides: [hzSide()] });
      await expectCode(b.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [nbSide()] }), 'STALE_VERSION');
      await expectCode(b.liaison.delete({ id: pair.id, rowVersion: pair.rowVersion }), 'STALE_VERSION');
      const fresh = await b.liaison.get({ id: pair.id });
      await b.liaison.delete({ id: fresh.id, rowVersion: fresh.rowVersion });
      expect(await a.liaison.list({ agreementId: g.id })).toEqual([]);
      await expectCode(a.liaison.get({ id: pair.id }), 'NOT_FOUND');
      expect((await a.audit.list({ type: 'liaison.deleted' })).items.some((e) => e.entityId === pair.id)).toBe(true);
    });
  });

  describe('when the input is not valid', () => {
    const refusedFields = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { cause?: { code?: string; details?: { fields?: Record<string, string> } } }) => (e.cause?.code === 'BAD_INPUT' ? e.cause.details?.fields : null),
      );

    it('refuses a pair without the caller’s unit, contact person and a phone or email, and a side blanked later', async () => {
      const g = await negotiating(a, [B.slug]);
      expect(await refusedFields(a.liaison.create({ agreementId: g.id, level: 'department', sides: [] }))).toEqual({
        'sides.0.unitName': 'required',
        'sides.0.contactName': 'required',
        'sides.0.phone': 'contact_required',
      });
      const blank = { partySlug: A.slug, unitName: '', contactName: '  ', title: '', phone: '', email: '' };
      expect(await refusedFields(a.liaison.create({ agreementId: g.id, level: 'department', sides: [nbSideAsSent(), blank] }))).toEqual({
        'sides.1.unitName': 'required',
        'sides.1.contactName': 'required',
        'sides.1.phone': 'contact_required',
      });
      expect(await a.liaison.list({ agreementId: g.id })).toEqual([]);
      // a phone or an email is enough
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [{ ...hzSide(), phone: '', title: '' }] });
      expect(await refusedFields(a.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [{ ...hzSide(), phone: '', email: '' }] }))).toEqual({
        'sides.0.phone': 'contact_required',
      });
      expect((await a.liaison.get({ id: pair.id })).contacts[0]).toMatchObject({ contactName: '王芳', email: hzSide().email });
    });

    it('accepts mobiles and landlines with area codes, and refuses other phone numbers and emails', async () => {
      const g = await negotiating(a, [B.slug]);
      for (const phone of ['13800138000', '+86 13800138000', '0571-87654321', '057487654321', '0571-87654321-8001', '']) {
        await a.liaison.create({ agreementId: g.id, level: 'district', sides: [{ ...hzSide(), phone }] });
      }
      // input validation fails before the procedure runs (the client sees BAD_INPUT, below)
      for (const phone of ['12345', '87654321', '1380013800', 'abc']) {
        await expectCode(a.liaison.create({ agreementId: g.id, level: 'district', sides: [{ ...hzSide(), phone }] }), 'BAD_REQUEST');
      }
      for (const email of ['wangfang@', 'not-an-email', 'a b@c.cn']) {
        await expectCode(a.liaison.create({ agreementId: g.id, level: 'district', sides: [{ ...hzSide(), email }] }), 'BAD_REQUEST');
      }
      await expectCode(a.liaison.create({ agreementId: g.id, level: 'district', sides: [{ ...hzSide(), partySlug: C.slug }] }), 'BAD_INPUT');
    });

    it('tells the client over HTTP which field is wrong, in Chinese', async () => {
      const g = await negotiating(a, [B.slug]);
      const server = await startServer(h);
      try {
        const signIn = await fetch(`${server.url}/api/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.url },
          body: JSON.stringify({ email: aUser.email, password: TEST_PASSWORD }),
        });
        const cookie = signIn.headers.getSetCookie().find((x) => x.startsWith('uc_session='))!.split(';')[0]!;
        const res = await fetch(`${server.url}/api/trpc/liaison.create`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: cookie, 'X-Tenant': A.slug },
          body: JSON.stringify({ agreementId: g.id, level: 'department', sides: [{ ...hzSide(), phone: '12345', email: 'wangfang@' }] }),
        });
        const body = (await res.json()) as { error: { data: { code: string; details: { fields: Record<string, string> } } } };
        expect(res.status).toBe(400);
        expect(body.error.data.code).toBe('BAD_INPUT');
        expect(body.error.data.details.fields).toEqual({ 'sides.0.phone': validationMessagesZh.phone_invalid, 'sides.0.email': validationMessagesZh.email_invalid });
      } finally {
        await server.close();
      }
    });
  });

  describe('when the caller may not write', () => {
    it('refuses a federation role other than admin, signatory or officer', async () => {
      const g = await negotiating(a, [B.slug]);
      await expectCode(bLead.liaison.create({ agreementId: g.id, level: 'department', sides: [] }), 'FORBIDDEN');
      expect(await bLead.liaison.list({ agreementId: g.id })).toEqual([]);
    });

    it('refuses writes while the agreement is a draft or out for signature, and allows them once in force', async () => {
      const { id } = await a.agreement.create({ partySlugs: [B.slug] });
      await expectCode(a.liaison.create({ agreementId: id, level: 'department', sides: [] }), 'INVALID_TRANSITION');
      const g = await a.agreement.get({ id });
      await a.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
      const pair = await a.liaison.create({ agreementId: id, level: 'department', sides: [hzSide()] });
      await b.agreement.sendForSignature({ id, rowVersion: (await b.agreement.get({ id })).rowVersion });
      await expectCode(b.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, sides: [nbSide()] }), 'INVALID_TRANSITION');
      const inForce = await active([a, b], [B.slug]);
      expect((await b.liaison.create({ agreementId: inForce.id, level: 'industry', sides: [nbSide()] })).contacts[1]).toMatchObject(nbSide());
    });
  });

  describe('when the caller is not a party', () => {
    it('answers NOT_FOUND for every liaison procedure', async () => {
      const g = await active([a, b], [B.slug]);
      const pair = await a.liaison.create({ agreementId: g.id, level: 'department', sides: [hzSide()] });
      const calls: [string, () => Promise<unknown>][] = [
        ['list', () => c.liaison.list({ agreementId: g.id })],
        ['get', () => c.liaison.get({ id: pair.id })],
        ['create', () => c.liaison.create({ agreementId: g.id, level: 'department', sides: [] })],
        ['update', () => c.liaison.update({ id: pair.id, rowVersion: pair.rowVersion, level: 'district', sides: [] })],
        ['delete', () => c.liaison.delete({ id: pair.id, rowVersion: pair.rowVersion })],
      ];
      for (const [name, call] of calls) await expectCode(call(), 'NOT_FOUND').catch((e) => Promise.reject(new Error(`${name}: ${e.message}`)));
      const aInC = await callerFor(h, aUser, C);
      await expectCode(aInC.liaison.list({ agreementId: g.id }), 'NOT_FOUND');
      expect((await a.liaison.get({ id: pair.id })).level).toBe('department');
    });
  });
});
