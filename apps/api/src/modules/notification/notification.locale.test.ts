import { withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createHarness, makeFederation, makeStaff, type Harness } from '../../test/harness.ts';
import { deliverNotice } from './notification.write.ts';
import { NOTICE_KINDS, renderNotice } from './notification.notices.ts';

// A notice keeps the facts it was written from and is read in the language its reader uses now:
// one written while the recipient used English reads in Chinese once they switch (issue 16).

describe('notices in the reader’s language', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('renders every kind in both languages with no placeholder left', () => {
    const vars = new Proxy({} as Record<string, string>, { get: (_, k) => `«${String(k)}»` });
    for (const kind of NOTICE_KINDS) {
      for (const locale of ['zh-CN', 'en']) {
        const { title, body } = renderNotice(kind, locale, vars);
        expect(title, `${kind} ${locale}`).not.toBe('');
        expect(`${title} ${body}`, `${kind} ${locale}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('writes in the language of the moment, lists in the language of the reader', async () => {
    const fed = await makeFederation(h, 'notice-locale');
    const user = await makeStaff(h, fed, ['admin']);
    const vars = { title: '杭甬合作协议', party: '宁波市总工会', partyEn: 'Ningbo Federation of Trade Unions' };
    await withTenant(h.t.db, fed.id, (tx) =>
      deliverNotice(tx, { tenantId: fed.id, slug: fed.slug }, [{ userId: user.id, email: 'x@example.test', locale: 'en' }], { kind: 'agreement.signed', vars, link: '/t/{slug}/agreements' }, 'http://localhost'),
    );
    const [stored] = await h.t.query<{ title: string }>(`select title from notification where tenant_id = $1 and user_id = $2`, [fed.id, user.id]);
    expect(stored!.title).toBe(renderNotice('agreement.signed', 'en', vars).title);

    const zh = await (await callerFor(h, user, fed, { locale: 'zh-CN' })).notification.list();
    expect(zh.items[0]).toMatchObject(renderNotice('agreement.signed', 'zh-CN', vars));
    expect(zh.items[0]!.body).toContain('宁波市总工会');
    const en = await (await callerFor(h, user, fed, { locale: 'en' })).notification.list();
    expect(en.items[0]!.body).toContain('Ningbo Federation of Trade Unions');
  });

  it('shows a notice written before the facts were kept as it was stored', async () => {
    const fed = await makeFederation(h, 'notice-legacy');
    const user = await makeStaff(h, fed, ['admin']);
    await h.t.query(`insert into notification (tenant_id, user_id, kind, title, body) values ($1, $2, 'agreement.signed', 'Old title', 'Old body')`, [fed.id, user.id]);
    const list = await (await callerFor(h, user, fed)).notification.list();
    expect(list.items[0]).toMatchObject({ title: 'Old title', body: 'Old body' });
  });
});
