import { MEMBER_TOTAL_CAP, type MemberDto } from '@uc/contracts';
import { rowsOf, withoutTenant, withTenant } from '@uc/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../test/caller.ts';
import { callerFor, createHarness, expectCode, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import { nextIdNumber } from './member.testkit.ts';

// Member lists that scale (docs/decisions/0025-member-lists.md): keyset pages, capped totals and
// the name search through member_name_search (a SECURITY DEFINER function that filters the
// federation itself). Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

describe('member lists', () => {
  let h: Harness;
  let fed: TestFederation;
  let admin: Caller;
  let other: TestFederation;
  let otherAdmin: Caller;

  beforeAll(async () => {
    h = await createHarness();
    fed = await makeFederation(h, 'lists');
    admin = await callerFor(h, await makeStaff(h, fed, ['admin']), fed);
    other = await makeFederation(h, 'lists-other');
    otherAdmin = await callerFor(h, await makeStaff(h, other, ['admin']), other);
  });
  afterAll(() => h.close());

  const add = (c: Caller, f: TestFederation, name: string) => c.member.create({ name, idNumber: nextIdNumber(), orgUnitId: f.rootUnitId });
  const names = (r: { items: MemberDto[] }) => r.items.map((m) => m.name);
  /** every page forward from the first, by `next` */
  async function walk(c: Caller, input: { q?: string; pageSize: number }) {
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const p = await c.member.list({ ...input, ...(after ? { after } : {}) });
      pages.push(names(p));
      if (!p.next) return pages;
      after = p.next;
    }
  }

  describe('when names are searched', () => {
    beforeAll(async () => {
      for (const n of ['王芳', '王芳芳', '李王芳', '王小芳', '芳王', '张伟', 'Anna Lee', 'anna', '欧阳娜娜', '100%_x']) await add(admin, fed, n);
      // the other federation has the same names: none of them may come back
      for (const n of ['王芳', '张伟', 'Anna Lee']) await add(otherAdmin, other, n);
    });

    const search = async (q: string) => names(await admin.member.list({ q, pageSize: 200 })).sort();

    it('finds a two-character Chinese name wherever it stands in the name', async () => {
      expect(await search('王芳')).toEqual(['李王芳', '王芳', '王芳芳'].sort());
      // the characters apart do not match the pair
      expect(await search('芳王')).toEqual(['芳王']);
    });

    it('finds one character, three characters and a four-character compound surname', async () => {
      expect(await search('芳')).toEqual(['李王芳', '王小芳', '王芳', '王芳芳', '芳王'].sort());
      expect(await search('王小芳')).toEqual(['王小芳']);
      // all its pairs occur (王芳, 芳芳) but not the whole: checked after the index
      expect(await search('王芳芳')).toEqual(['王芳芳']);
      expect(await search('李王芳')).toEqual(['李王芳']);
      expect(await search('欧阳娜')).toEqual(['欧阳娜娜']);
      expect(await search('阳娜娜')).toEqual(['欧阳娜娜']);
      expect(await search('娜娜娜')).toEqual([]);
    });

    it('ignores case for Latin names and takes % and _ literally', async () => {
      expect(await search('ANNA')).toEqual(['Anna Lee', 'anna']);
      expect(await search('a l')).toEqual(['Anna Lee']);
      expect(await search('0%_')).toEqual(['100%_x']);
      expect(await search('%')).toEqual(['100%_x']);
      expect(await search('_')).toEqual(['100%_x']);
      expect(await search('1_0')).toEqual([]);
    });

    it('answers each federation its own members only', async () => {
      expect(names(await otherAdmin.member.list({ q: '王芳' }))).toEqual(['王芳']);
      expect(names(await otherAdmin.member.list({ q: 'anna' }))).toEqual(['Anna Lee']);
      const mine = new Set((await admin.member.list({ pageSize: 200 })).items.map((m) => m.id));
      for (const m of (await otherAdmin.member.list({ q: '王' })).items) expect(mine.has(m.id)).toBe(false);
    });

    it('the search function itself filters the federation set in the transaction, and finds nothing without one', async () => {
      const call = (tx: Parameters<Parameters<typeof withoutTenant>[1]>[0]) => tx.execute(sql`select s::text as id from member_name_search(${'王芳'}) s`);
      const ofFed = rowsOf<{ id: string }>(await withTenant(h.t.db, fed.id, call)).map((r) => r.id);
      const ofOther = rowsOf<{ id: string }>(await withTenant(h.t.db, other.id, call)).map((r) => r.id);
      expect(ofFed).toHaveLength(3);
      expect(ofOther).toHaveLength(1);
      expect(ofFed).not.toContain(ofOther[0]);
      expect(rowsOf(await withoutTenant(h.t.db, call))).toEqual([]);
      // the app role reads no member row of the other federation through it: the ids it returns
      // are its own federation's (the owner's view confirms)
      const owners = await h.t.query<{ tenant_id: string }>(`select distinct tenant_id::text from member where id = any($1::uuid[])`, [ofFed]);
      expect(owners).toEqual([{ tenant_id: fed.id }]);
    });
  });

  describe('when pages are walked', () => {
    let f: TestFederation;
    let c: Caller;
    beforeAll(async () => {
      f = await makeFederation(h, 'lists-walk');
      c = await callerFor(h, await makeStaff(h, f, ['admin']), f);
      // equal names: the id breaks the tie
      for (const n of ['甲', '乙', '丙', '丁', '甲', '乙', '戊', '己', '庚']) await add(c, f, n);
    });

    it('pages forward and back through the same rows, ties broken by id', async () => {
      const all = (await c.member.list({ pageSize: 200 })).items;
      const pages = await walk(c, { pageSize: 2 });
      expect(pages.flat()).toEqual(all.map((m) => m.name));
      // 9 added here, plus any a sibling test inserted first (the suite is shuffled)
      expect(pages).toHaveLength(Math.ceil(all.length / 2));
      // back from the last page to the first
      let p = await c.member.list({ pageSize: 2 });
      const cursors: string[] = [];
      while (p.next) {
        cursors.push(p.next);
        p = await c.member.list({ pageSize: 2, after: p.next });
      }
      const back: string[][] = [names(p)];
      while (p.prev) {
        p = await c.member.list({ pageSize: 2, before: p.prev });
        back.unshift(names(p));
      }
      expect(back).toEqual(pages);
      expect(p.prev).toBeNull();
    });

    it('keeps a page stable when members are added before it', async () => {
      const p1 = await c.member.list({ pageSize: 3 });
      const p2 = await c.member.list({ pageSize: 3, after: p1.next! });
      // names that sort before everything on page 2 (and page 1)
      await add(c, f, '一');
      await add(c, f, '丁');
      const again = await c.member.list({ pageSize: 3, after: p1.next! });
      expect(again.items.map((m) => m.id)).toEqual(p2.items.map((m) => m.id));
      expect(again.total).toBe(p2.total + 2);
    });

    it('refuses a cursor it did not make', async () => {
      await expectCode(c.member.list({ after: 'not-a-cursor' }), 'BAD_INPUT');
      await expectCode(c.member.list({ before: Buffer.from('["x","y"]').toString('base64url') }), 'BAD_INPUT');
    });
  });

  describe('when a federation has more members than are counted', () => {
    let f: TestFederation;
    let c: Caller;
    beforeAll(async () => {
      f = await makeFederation(h, 'lists-big');
      c = await callerFor(h, await makeStaff(h, f, ['admin']), f);
      await h.t.query(
        `insert into member (tenant_id, org_unit_id, name, id_number_enc, id_number_hmac, id_number_masked)
         select $1::uuid, $2::uuid, '会员' || lpad(g::text, 5, '0'), 'x', 'hmac-' || g, '330102********' || lpad((g % 10000)::text, 4, '0')
         from generate_series(1, $3::int) g`,
        [f.id, f.rootUnitId, MEMBER_TOTAL_CAP + 5],
      );
    });

    it('says "10,000+" rather than counting every row, and still counts a smaller result exactly', async () => {
      const p = await c.member.list({ pageSize: 20 });
      expect(p).toMatchObject({ total: MEMBER_TOTAL_CAP, totalCapped: true });
      expect(names(p)[0]).toBe('会员00001');
      expect(await c.member.list({ q: '会员0999' })).toMatchObject({ total: 10, totalCapped: false });
      expect(await c.member.list({ q: '会员1000' })).toMatchObject({ total: 6, totalCapped: false });
    });

    it('reaches a deep page by cursor with the rows in order', async () => {
      let p = await c.member.list({ pageSize: 200 });
      for (let i = 0; i < 10; i++) p = await c.member.list({ pageSize: 200, after: p.next! });
      expect(names(p)[0]).toBe('会员02001');
      expect(names(p)).toHaveLength(200);
    });
  });
});
