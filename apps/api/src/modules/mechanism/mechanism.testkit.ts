import type { AgreementContent } from '@uc/contracts';
import type { Caller } from '../../test/caller.ts';
import { TEST_PASSWORD } from '../../test/harness.ts';

// Drives agreements through their lifecycle with real callers, as agreement.test.ts does, for
// the tests of what hangs off an agreement (joint items, liaison pairs, meetings).

export type AgreementView = Awaited<ReturnType<Caller['agreement']['get']>>;

/** Drafts from the five-commons template and opens it for negotiation. */
export async function negotiating(initiator: Caller, partySlugs: string[]): Promise<AgreementView> {
  const { id } = await initiator.agreement.create({ partySlugs, fromTemplate: 'twin-city-five-commons', termStart: '2025-01-01', termEnd: '2027-12-31' });
  const g = await initiator.agreement.get({ id });
  await initiator.agreement.openNegotiation({ id, rowVersion: g.rowVersion });
  return initiator.agreement.get({ id });
}

/** Every signer signs the version sent for signature; the last signature puts it in force. */
export async function signAll(signers: Caller[], id: string): Promise<AgreementView> {
  const g = await signers[0]!.agreement.get({ id });
  await signers[0]!.agreement.sendForSignature({ id, rowVersion: g.rowVersion });
  const sent = await signers[0]!.agreement.get({ id });
  for (const s of signers) {
    await s.agreement.sign({ id, versionId: sent.currentVersion.id, contentHash: sent.currentVersion.contentHash!, password: TEST_PASSWORD, idempotencyKey: crypto.randomUUID() });
  }
  return signers[0]!.agreement.get({ id });
}

/** An agreement in force between the initiator (first signer) and the other signers' federations. */
export async function active(signers: Caller[], partySlugs: string[]): Promise<AgreementView> {
  const g = await negotiating(signers[0]!, partySlugs);
  return signAll(signers, g.id);
}

/** Amends an active agreement with edited content and has every party sign the amendment. */
export async function amend(signers: Caller[], id: string, edit: (c: AgreementContent) => void): Promise<AgreementView> {
  const g = await signers[0]!.agreement.get({ id });
  await signers[0]!.agreement.amend({ id, rowVersion: g.rowVersion });
  const draft = await signers[0]!.agreement.get({ id });
  const content = structuredClone(draft.currentVersion.content);
  edit(content);
  await signers[0]!.agreement.save({ id, baseVersionId: draft.currentVersion.id, content, note: '补充协议' });
  return signAll(signers, id);
}
