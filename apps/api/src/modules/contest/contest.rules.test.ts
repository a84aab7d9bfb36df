import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, awardFor, certificateHash, cityQuotas, compareScores, DEFAULT_ASPECTS, draw, eligibility, markFromMeasure, markOf, maskName, quotaPerCity, rank, ruleProblem, scoreEntrant, trimmedMean, type Mark } from './contest.rules.ts';

const rules = { eventDate: '2027-05-20', minAge: 18, maxAge: 55, minYearsInTrade: 3, requiredCertificates: ['电工证'] };

describe('eligibility', () => {
  it('counts age on the event date, birthday included', () => {
    expect(ageOn('2009-05-20', '2027-05-20')).toBe(18);
    expect(ageOn('2009-05-21', '2027-05-20')).toBe(17);
    expect(eligibility(rules, { birthDate: '2009-05-21', yearsInTrade: 3, certificates: ['电工证'] })).toEqual(['too_young']);
    expect(eligibility(rules, { birthDate: '1972-05-20', yearsInTrade: 3, certificates: ['电工证'] })).toEqual([]);
    expect(eligibility(rules, { birthDate: '1971-05-20', yearsInTrade: 3, certificates: ['电工证'] })).toEqual(['too_old']);
  });
  it('asks for the years in the trade and every certificate', () => {
    expect(eligibility(rules, { birthDate: '1990-01-01', yearsInTrade: 2, certificates: [] })).toEqual(['years_in_trade', 'certificate']);
    expect(eligibility(rules, { birthDate: null, yearsInTrade: 5, certificates: ['电工证'] })).toEqual(['no_birth_date']);
  });
});

describe('quota per city', () => {
  it('defaults from the clause and never exceeds it', () => {
    expect(quotaPerCity(undefined, 20)).toEqual({ quota: 20 });
    expect(quotaPerCity(12, 20)).toEqual({ quota: 12 });
    expect(quotaPerCity(21, 20)).toEqual({ refusal: 'over_clause' });
    expect(quotaPerCity(5, null)).toEqual({ refusal: 'no_clause_figure' });
  });
  it("gives each city its own clause figure; a figure for all may exceed no city's", () => {
    const clauses = [{ partyTenantId: 'hz', clause: 3 }, { partyTenantId: 'nb', clause: 5 }];
    expect(cityQuotas(undefined, clauses)).toEqual({ shares: [{ partyTenantId: 'hz', units: 3 }, { partyTenantId: 'nb', units: 5 }] });
    expect(cityQuotas(3, clauses)).toEqual({ shares: [{ partyTenantId: 'hz', units: 3 }, { partyTenantId: 'nb', units: 3 }] });
    expect(cityQuotas(4, clauses)).toEqual({ refusal: 'over_clause' });
    expect(cityQuotas(undefined, [...clauses, { partyTenantId: 'sx', clause: null }])).toEqual({ refusal: 'no_clause_figure' });
  });
});

describe('marking', () => {
  it('drops the highest and lowest of five judges, not of four', () => {
    expect(trimmedMean([9000, 1000, 8000, 8200, 7800])).toBe(8000);
    expect(trimmedMean([9000, 1000, 8000, 8000])).toBe(6500);
    expect(trimmedMean([])).toBeNull();
  });

  it('weights theory 30 % and practical 70 %', () => {
    const marks: Mark[] = [
      { entrantId: 'a', aspect: 'theory', mark: 8000 },
      { entrantId: 'a', aspect: 'measure', mark: 6000 },
      { entrantId: 'a', aspect: 'judgement', mark: 3000 },
    ];
    const s = scoreEntrant(DEFAULT_ASPECTS, 30, { id: 'a', number: 1 }, marks);
    expect(s).toMatchObject({ theory: 80, practical: 90, judgement: 30, total: 87, complete: true });
    expect(scoreEntrant(DEFAULT_ASPECTS, 30, { id: 'b', number: 2 }, marks).complete).toBe(false);
  });

  it('breaks ties by practical, then the judgement aspects, then the number', () => {
    const base = { entrantId: 'x', theory: 0, complete: true };
    const a = { ...base, entrantId: 'a', number: 5, total: 80, practical: 85, judgement: 30 };
    const b = { ...base, entrantId: 'b', number: 3, total: 80, practical: 80, judgement: 35 };
    const c = { ...base, entrantId: 'c', number: 2, total: 80, practical: 85, judgement: 31 };
    const d = { ...base, entrantId: 'd', number: 1, total: 80, practical: 85, judgement: 31 };
    expect(rank([a, b, c, d]).map((s) => [s.entrantId, s.rank])).toEqual([['d', 1], ['c', 2], ['a', 3], ['b', 4]]);
    expect(compareScores(a, a)).toBe(0);
  });
});

describe('awards', () => {
  it('maps ranks to awards, the title to the first place, nothing to an incomplete entry', () => {
    expect(awardFor(1, true)).toMatchObject({ award: '一等奖', title: { name: '技术能手' } });
    expect(awardFor(3, true)!.award).toBe('二等奖');
    expect(awardFor(6, true)!.award).toBe('三等奖');
    expect(awardFor(7, true)!.award).toBe('优秀奖');
    expect(awardFor(1, false)).toBeNull();
  });
});

describe('the draw by lot', () => {
  const ids = Array.from({ length: 30 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  it('is reproducible from its seed, whatever order the registrations come in', () => {
    const one = draw('seed-2027-电工', ids);
    const two = draw('seed-2027-电工', [...ids].reverse());
    expect(two).toEqual(one);
    expect(new Set(one.map((x) => x.number)).size).toBe(30);
    expect(one.map((x) => x.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
  it('gives other numbers for another seed', () => {
    expect(draw('another', ids)).not.toEqual(draw('seed-2027-电工', ids));
  });
});

describe('certificates', () => {
  it('masks the name and hashes the facts', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    const f = { number: 'HZ-2027-0001', maskedName: '张*丰', contestTitle: 't', trade: '电工', award: '一等奖', title: null, issuedOn: '2027-06-01', issuers: ['杭州市总工会'] };
    expect(certificateHash(f)).toMatch(/^[0-9a-f]{64}$/);
    expect(certificateHash({ ...f, award: '二等奖' })).not.toBe(certificateHash(f));
  });
});

describe('marking rules', () => {
  // 接线电阻 0.50 Ω: full marks within ±0.05, nothing from ±0.20, linear between
  const ohms = { target: 0.5, within: 0.05, zeroBeyond: 0.2, unit: 'Ω' };
  const measured = { key: 'ohms', label: '接线电阻', part: 'practical' as const, type: 'measurement' as const, max: 10, tolerance: ohms };
  const judged = { key: 'craft', label: '工艺', part: 'practical' as const, type: 'judgement' as const, max: 9, levels: ['未达到要求', '基本达到', '达到', '超出要求'] };

  it('gives full marks within the tolerance (its edge included), zero beyond, a straight line between', () => {
    expect(markFromMeasure(10, ohms, 0.55)).toBe(1000);
    expect(markFromMeasure(10, ohms, 0.45)).toBe(1000);
    expect(markFromMeasure(10, ohms, 0.7)).toBe(0);
    expect(markFromMeasure(10, ohms, 0.9)).toBe(0);
    expect(markFromMeasure(10, ohms, 0.625)).toBe(500);
    expect(markFromMeasure(10, { ...ohms, zeroBeyond: 0.05 }, 0.56)).toBe(0);
  });

  it('never rises as the measurement moves away from the target, and stays within 0..full marks', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (a, extra) => {
        const near = markFromMeasure(10, ohms, 0.5 + a);
        const far = markFromMeasure(10, ohms, 0.5 + Math.sign(a || 1) * (Math.abs(a) + extra));
        return far <= near && near >= 0 && near <= 1000;
      }),
    );
  });

  it('marks a submission by the aspect’s rule and refuses one without what the rule needs', () => {
    expect(markOf(measured, { measured: 0.6 })).toEqual({ mark: 667, measured: 0.6 });
    expect(markOf(measured, { mark: 1000 })).toEqual({ refused: 'measured' });
    expect(markOf(judged, { level: 2 })).toEqual({ mark: 600, measured: null });
    expect(markOf(judged, { level: 4 })).toEqual({ refused: 'level' });
    expect(markOf(DEFAULT_ASPECTS[2]!, { mark: 4000 })).toEqual({ mark: 4000, measured: null });
    expect(markOf(DEFAULT_ASPECTS[2]!, { mark: 4001 })).toEqual({ refused: 'mark' });
  });

  it('allows a tolerance on a practical measurement only, levels on a practical judgement only', () => {
    expect(ruleProblem(measured)).toBeNull();
    expect(ruleProblem(judged)).toBeNull();
    expect(ruleProblem({ ...measured, type: 'judgement' })).toBe('invalid_tolerance');
    expect(ruleProblem({ ...measured, tolerance: { ...ohms, zeroBeyond: 0.01 } })).toBe('invalid_tolerance');
    expect(ruleProblem({ ...judged, part: 'theory' })).toBe('invalid_levels');
  });
});
