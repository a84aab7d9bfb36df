import type { JointItemDto } from '@uc/contracts';
import { callerFor, makeFederation, makeStaff, type Harness, type TestFederation, type TestUser } from '../../test/harness.ts';
import type { Caller } from '../../test/caller.ts';
import { active, type AgreementView } from '../mechanism/mechanism.testkit.ts';

// Two federations with an agreement in force (hangzhou-like A initiates, ningbo-like B), each with a
// signing admin and a project lead, and a third federation C that is not a party.

export interface ItemsWorld {
  A: TestFederation;
  B: TestFederation;
  C: TestFederation;
  aAdmin: Caller;
  bAdmin: Caller;
  aLead: Caller;
  bLead: Caller;
  aLeadUser: TestUser;
  bLeadUser: TestUser;
  /** an officer of A: may read, may not write */
  aOfficer: Caller;
  c: Caller;
}

export async function makeItemsWorld(h: Harness): Promise<ItemsWorld> {
  const [A, B, C] = [await makeFederation(h, 'hz'), await makeFederation(h, 'nb'), await makeFederation(h, 'sx')];
  const aLeadUser = await makeStaff(h, A, ['lead']);
  const bLeadUser = await makeStaff(h, B, ['lead']);
  return {
    A,
    B,
    C,
    aAdmin: await callerFor(h, await makeStaff(h, A, ['admin', 'signatory']), A),
    bAdmin: await callerFor(h, await makeStaff(h, B, ['admin', 'signatory']), B),
    aLead: await callerFor(h, aLeadUser, A),
    bLead: await callerFor(h, bLeadUser, B),
    aLeadUser,
    bLeadUser,
    aOfficer: await callerFor(h, await makeStaff(h, A, ['officer']), A),
    c: await callerFor(h, await makeStaff(h, C, ['admin', 'signatory', 'lead']), C),
  };
}

/** An agreement in force between A and B, with the template's five planned items. */
export async function activeAgreement(w: ItemsWorld): Promise<{ g: AgreementView; items: JointItemDto[] }> {
  const g = await active([w.aAdmin, w.bAdmin], [w.B.slug]);
  return { g, items: await w.aLead.jointItem.list({ agreementId: g.id }) };
}

/** The planned item of a kind (the template: programme/contest/project led by A, rights/recuperation by B). */
export const itemOf = (items: JointItemDto[], kind: JointItemDto['kind']) => items.find((i) => i.kind === kind)!;
