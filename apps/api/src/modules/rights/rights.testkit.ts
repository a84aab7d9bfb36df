import { callerFor, makeFederation, makeStaff, type Harness, type TestFederation } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { active } from '../mechanism/mechanism.testkit.ts';
import { idNumberFor } from '../member/member.testkit.ts';

// A rights world for tests: Hangzhou (A, takes cases in and refers them) and Ningbo (B, acts on
// them) under an active twin-city agreement covering rights; Wenzhou under a second agreement
// with Hangzhou (a partner a referral may be transferred to); Shaoxing outside both.

/** Monday 23 November 2026, 09:00 in China: the day the tests pretend it is */
export const MONDAY = new Date('2026-11-23T01:00:00Z');

export interface RightsWorld {
  hz: TestFederation;
  nb: TestFederation;
  wz: TestFederation;
  sx: TestFederation;
  hzCw: Caller;
  nbCw: Caller;
  nbCw2: Caller;
  wzCw: Caller;
  sxCw: Caller;
  /** a Hangzhou officer: staff, but no caseworker */
  hzOfficer: Caller;
  hzAdmin: Caller;
  nbAdmin: Caller;
}

export async function makeRightsWorld(h: Harness): Promise<RightsWorld> {
  h.setNow(MONDAY);
  const [hz, nb, wz, sx] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'wz'), await makeFederation(h, 'sx')];
  const signers = ['admin', 'signatory'] as const;
  const hzAdmin = await callerFor(h, await makeStaff(h, hz, [...signers]), hz);
  const nbAdmin = await callerFor(h, await makeStaff(h, nb, [...signers]), nb);
  const wzAdmin = await callerFor(h, await makeStaff(h, wz, [...signers]), wz);
  await active([hzAdmin, nbAdmin], [nb.slug]);
  await active([hzAdmin, wzAdmin], [wz.slug]);
  const cw = async (f: TestFederation) => callerFor(h, await makeStaff(h, f, ['caseworker']), f);
  return {
    hz,
    nb,
    wz,
    sx,
    hzCw: await cw(hz),
    nbCw: await cw(nb),
    nbCw2: await cw(nb),
    wzCw: await cw(wz),
    sxCw: await callerFor(h, await makeStaff(h, sx, ['caseworker', 'admin']), sx),
    hzOfficer: await callerFor(h, await makeStaff(h, hz, ['officer']), hz),
    hzAdmin,
    nbAdmin,
  };
}

let seq = 700_000;

export const caseInput = (over: Partial<Parameters<Caller['rightsCase']['create']>[0]> = {}) => ({
  workerName: '王建国',
  workerMobile: '13900001111',
  idNumber: idNumberFor(seq++, '330102'),
  employerName: '宁波某建筑工程有限公司',
  employerCreditCode: '91330200MA2XXXXX1A',
  employerCity: '宁波',
  disputeKind: 'wage_arrears' as const,
  facts: '2026 年 6 月至 9 月在宁波工地务工，工资 38,000 元未付。',
  claims: '支付拖欠工资',
  amountClaimedFen: 3_800_000,
  source: 'hotline' as const,
  documents: [
    { name: '劳动合同.pdf', kind: 'contract' as const, shared: true, note: '' },
    { name: '内部研判意见.docx', kind: 'other' as const, shared: false, note: '仅本会' },
  ],
  internalNotes: '当事人情绪激动，注意沟通方式',
  ...over,
});

export const consentFor = (caseId: string, partnerSlug: string) => ({
  caseId,
  partnerSlug,
  purpose: '异地维权协作：转办宁波市总工会办理欠薪案件',
  scope: ['worker_identity', 'contact', 'facts', 'documents'] as ('worker_identity' | 'contact' | 'facts' | 'documents')[],
  method: 'signed_form' as const,
  evidence: '',
  givenAt: '2026-11-23T00:30:00.000Z',
  form: { filename: '授权书-王建国.pdf', contentType: 'application/pdf', base64: CONSENT_FORM_PDF.toString('base64') },
});

/** a tiny PDF: the signed consent form of the tests (decision 0056) */
export const CONSENT_FORM_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% signed consent form\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A Hangzhou case with the worker's consent for Ningbo, referred to Ningbo. */
export async function referredCase(w: RightsWorld, over: Parameters<typeof caseInput>[0] = {}) {
  const { id: caseId } = await w.hzCw.rightsCase.create(caseInput(over));
  const { id: consentId } = await w.hzCw.rightsCase.recordConsent(consentFor(caseId, w.nb.slug));
  const referral = await w.hzCw.referral.refer({ caseId, consentId });
  return { caseId, consentId, referral };
}
