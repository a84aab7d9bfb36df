import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from '../../test/harness.ts';
import { caseInput, consentFor, makeRightsWorld, type RightsWorld } from './rights.testkit.ts';

// The desk's one form (rightsCase.intake): the case, the worker's consent with its signed form and the
// referral, all or nothing — a refused step leaves no case, no consent and no form behind.

describe('case intake: record, consent and refer at once', () => {
  let h: Harness;
  let w: RightsWorld;

  beforeAll(async () => {
    h = await createHarness();
    w = await makeRightsWorld(h);
  }, 120_000);
  afterAll(() => h.close());

  const counts = async () =>
    (
      await h.t.query<{ cases: number; consents: number; forms: number; referrals: number }>(
        `select (select count(*)::int from rights_case) as cases, (select count(*)::int from rights_consent) as consents,
                (select count(*)::int from rights_consent_form) as forms, (select count(*)::int from rights_referral) as referrals`,
      )
    )[0]!;

  it('records the case, the consent with its form and the referral to the partner the consent names', async () => {
    const before = await counts();
    const { caseId: _unused, ...consent } = consentFor('00000000-0000-4000-8000-000000000000', w.nb.slug);
    const r = await w.hzCw.rightsCase.intake({ ...caseInput(), consent, note: '请协助办理' });
    expect(await counts()).toEqual({ cases: before.cases + 1, consents: before.consents + 1, forms: before.forms + 1, referrals: before.referrals + 1 });
    const referral = await w.nbCw.referral.get({ id: r.referralId });
    expect(referral).toMatchObject({ status: 'submitted' });
    expect((await w.hzCw.rightsCase.get({ id: r.caseId })).consents).toHaveLength(1);
  });

  it('a partner with no agreement covering rights: refused, and nothing of it is kept', async () => {
    const before = await counts();
    const { caseId: _unused, ...consent } = consentFor('00000000-0000-4000-8000-000000000000', w.sx.slug);
    await expectCode(w.hzCw.rightsCase.intake({ ...caseInput(), consent, note: '' }), 'NOT_COVERED');
    expect(await counts()).toEqual(before);
  });

  it('a signed-form consent without its form: refused, nothing kept', async () => {
    const before = await counts();
    const { caseId: _unused, form: _form, ...consent } = consentFor('00000000-0000-4000-8000-000000000000', w.nb.slug);
    await expectCode(w.hzCw.rightsCase.intake({ ...caseInput(), consent, note: '' }), 'BAD_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('staff who are not caseworkers may not', async () => {
    const { caseId: _unused, ...consent } = consentFor('00000000-0000-4000-8000-000000000000', w.nb.slug);
    await expectCode(w.hzOfficer.rightsCase.intake({ ...caseInput(), consent, note: '' }), 'FORBIDDEN');
  });
});
