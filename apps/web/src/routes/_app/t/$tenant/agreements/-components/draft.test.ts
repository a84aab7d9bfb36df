import type { AgreementContent } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { formPathOf, newClauseKey, rebase, toContent, toDraft } from './draft.ts';

const content: AgreementContent = {
  title: '杭甬合作协议',
  preamble: '<p>为唱好“双城记”，双方达成如下协议。</p>',
  clauses: [
    { key: 'principles', heading: '第一条 合作原则', body: '<p>双方坚持服务大局。</p>' },
    { key: 'care', heading: '第五条 身心共同关爱', body: '<p>互认疗休养基地。</p>' },
  ],
  termStart: '2026-06-01',
  termEnd: '2029-05-31',
  commons: [
    {
      kind: 'recuperation',
      enabled: true,
      summary: '互认基地',
      figures: { placesPerYear: 200 },
      items: [{ title: '疗休养基地互认', description: '', leadSlug: 'ningbo' }],
    },
  ],
};

describe('the editor form values', () => {
  it('give back the same content when nothing was changed', () => {
    expect(toContent(toDraft(content), content)).toEqual(content);
  });

  it('list all five commons, those the version does not cover switched off', () => {
    const d = toDraft(content);
    expect(d.commons.map((c) => [c.kind, c.enabled])).toEqual([
      ['programme', false],
      ['rights', false],
      ['contest', false],
      ['recuperation', true],
      ['project', false],
    ]);
    expect(d.commons[3]!.placesPerYear).toBe(200);
  });

  it('send edited markup as HTML and a newly switched-on kind with its figure', () => {
    const d = toDraft(content);
    d.clauses[1]!.body = '互认疗休养基地，**按批次分配**。';
    d.commons[2] = { ...d.commons[2]!, enabled: true, summary: ' 结对竞赛 ', entrantsPerCity: 20, items: [{ title: '竞赛', description: '', leadSlug: 'hangzhou', startDate: '2026-09-01' }] };
    const out = toContent(d, content);
    expect(out.clauses[1]!.body).toBe('<p>互认疗休养基地，<strong>按批次分配</strong>。</p>');
    expect(out.clauses[0]!.body).toBe(content.clauses[0]!.body);
    expect(out.commons.map((c) => c.kind)).toEqual(['contest', 'recuperation']);
    expect(out.commons[0]).toEqual({
      kind: 'contest',
      enabled: true,
      summary: '结对竞赛',
      figures: { entrantsPerCity: 20 },
      items: [{ title: '竞赛', description: '', leadSlug: 'hangzhou', startDate: '2026-09-01' }],
    });
  });

  it('keep a figure per direction for recuperation, and leave it out when every party box is empty', () => {
    const d = toDraft(content);
    d.commons[3]!.byParty = { hangzhou: 260, ningbo: null };
    expect(toContent(d, content).commons[0]!.figures).toEqual({ placesPerYear: 200, placesPerYearByHost: { hangzhou: 260 } });
    const back = toDraft(toContent(d, content));
    expect(back.commons[3]!.byParty).toEqual({ hangzhou: 260 });
    back.commons[3]!.byParty = { hangzhou: null };
    expect(toContent(back, content).commons[0]!.figures).toEqual({ placesPerYear: 200 });
  });

  it('keep entrants and seats per city by party, round trip, each under its own kind', () => {
    const both: AgreementContent = {
      ...content,
      commons: [
        { kind: 'programme', enabled: true, summary: '', figures: { seatsPerCity: 100, seatsPerCityByParty: { hangzhou: 3, ningbo: 5 } }, items: [] },
        { kind: 'contest', enabled: true, summary: '', figures: { entrantsPerCity: 20, entrantsPerCityByParty: { ningbo: 5 } }, items: [] },
      ],
    };
    const d = toDraft(both);
    expect(d.commons[0]!.byParty).toEqual({ hangzhou: 3, ningbo: 5 });
    expect(d.commons[2]!.byParty).toEqual({ ningbo: 5 });
    expect(d.commons[1]!.byParty).toEqual({});
    expect(toContent(d, both).commons).toEqual(both.commons);
    d.commons[2]!.byParty = { hangzhou: 3, ningbo: null };
    expect(toContent(d, both).commons[1]!.figures).toEqual({ entrantsPerCity: 20, entrantsPerCityByParty: { hangzhou: 3 } });
    d.commons[0]!.byParty = {};
    expect(toContent(d, both).commons[0]!.figures).toEqual({ seatsPerCity: 100 });
  });

  it('place the API\'s field errors on the form fields', () => {
    expect(formPathOf('content.clauses.1.heading', content)).toBe('clauses.1.heading');
    expect(formPathOf('content.commons.0.items.0.leadSlug', content)).toBe('commons.3.items.0.leadSlug');
    expect(formPathOf('content.termEnd', content)).toBe('termEnd');
  });

  it('number new clauses after the existing ones without reusing a key', () => {
    expect(newClauseKey(['principles', 'care'])).toBe('clause-3');
    expect(newClauseKey(['clause-1', 'clause-2'])).toBe('clause-3');
    expect(newClauseKey(['clause-2', 'x'])).toBe('clause-3');
    expect(newClauseKey(['clause-3', 'x'])).toBe('clause-4');
  });
});

describe('keeping my changes on top of a newer version', () => {
  const edit = (f: (c: AgreementContent) => void) => {
    const c = structuredClone(content);
    f(c);
    return c;
  };

  it('keeps the clause I changed and takes the clause they changed', () => {
    const mine = edit((c) => (c.clauses[0]!.body = '<p>我的修改</p>'));
    const latest = edit((c) => (c.clauses[1]!.body = '<p>他们的修改</p>'));
    const merged = rebase(content, mine, latest);
    expect(merged.clauses.map((c) => c.body)).toEqual(['<p>我的修改</p>', '<p>他们的修改</p>']);
  });

  it('lets my text win where both changed the same clause, and takes their other fields', () => {
    const mine = edit((c) => (c.clauses[1]!.body = '<p>我的</p>'));
    const latest = edit((c) => {
      c.clauses[1]!.body = '<p>他们的</p>';
      c.termEnd = '2030-05-31';
    });
    const merged = rebase(content, mine, latest);
    expect(merged.clauses[1]!.body).toBe('<p>我的</p>');
    expect(merged.termEnd).toBe('2030-05-31');
  });

  it('keeps my new clause where I put it and their new clause too', () => {
    const mine = edit((c) => c.clauses.splice(1, 0, { key: 'clause-3', heading: '新增', body: '<p>我的新条款</p>' }));
    const latest = edit((c) => c.clauses.push({ key: 'term', heading: '期限', body: '<p>三年</p>' }));
    expect(rebase(content, mine, latest).clauses.map((c) => c.key)).toEqual(['principles', 'clause-3', 'care', 'term']);
  });

  it('drops a clause I deleted unless they changed it meanwhile', () => {
    const mine = edit((c) => c.clauses.splice(0, 1));
    expect(rebase(content, mine, content).clauses.map((c) => c.key)).toEqual(['care']);
    const latest = edit((c) => (c.clauses[0]!.body = '<p>他们改了</p>'));
    expect(rebase(content, mine, latest).clauses.map((c) => c.key)).toEqual(['principles', 'care']);
  });

  it('takes each of the five commons from whoever changed it', () => {
    const mine = edit((c) => (c.commons[0]!.figures.placesPerYear = 300));
    const latest = edit((c) => c.commons.push({ kind: 'project', enabled: true, summary: '课题', figures: {}, items: [] }));
    const merged = rebase(content, mine, latest);
    expect(merged.commons.map((c) => [c.kind, c.figures.placesPerYear])).toEqual([
      ['recuperation', 300],
      ['project', undefined],
    ]);
  });
});
