import type { caseIntakeInput } from '@uc/contracts';
import type { z } from 'zod';
import { createCase } from './case.write.ts';
import { recordConsent } from './consent.write.ts';
import { refer } from './referral.write.ts';
import type { Ctx } from './rights.types.ts';

/**
 * rightsCase.intake — the desk's one form: the case, the worker's consent (with its signed form) and
 * the referral to the partner the consent names, in the request's one transaction, so a refusal of
 * any step (no agreement covering rights, a consent without its form) leaves nothing behind.
 */
export async function intakeCase(ctx: Ctx, input: z.infer<typeof caseIntakeInput>) {
  const { consent, note, ...caseInput } = input;
  const c = await createCase(ctx, caseInput);
  const { id: consentId } = await recordConsent(ctx, { ...consent, caseId: c.id });
  const r = await refer(ctx, { caseId: c.id, consentId, note });
  return { referralId: r.id, caseId: c.id, duplicates: c.duplicates };
}
