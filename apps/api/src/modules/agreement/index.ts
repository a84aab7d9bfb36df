// The agreement module's public surface: other modules, jobs and the seed import it from here only.
import { registerAgreementDownloads } from './agreement.download.ts';
import { registerTodoSource } from '../home/index.ts';
import { agreementTodos } from './agreement.todo.ts';

export { assertCanWrite, canWrite, partyBySlug } from './agreement.access.ts';
export { getAgreement, listAgreements } from './agreement.query.ts';
export { agreementOf, auditToParties, findAgreement, findParties, findVersion, findVisibleAgreement, ownedByMyAgreements } from './agreement.repo.ts';
export type { AgreementRow, PartyRow } from './agreement.repo.ts';
export { agreementRouter } from './agreement.router.ts';
export { decide, onAgreementActivated, type ActivationHandler } from './agreement.sign.ts';
export { createAgreement } from './agreement.write.ts';
export { addComment, resolveComment } from './comment.write.ts';
export { assertAllowed, next } from './lifecycle.rules.ts';
export type { Amendment } from './lifecycle.rules.ts';
export { takeStep } from './lifecycle.write.ts';
export { twinCityTemplate } from './template.rules.ts';
export { saveVersion } from './version.write.ts';
export { registerWindDownStep, runAgreementWindDown, type EndedAgreement, type WindDownStep } from './windDown.write.ts';

/** Registrations at start (modules/index.ts): the agreement PDF download. */
export function register(): void {
  for (const s of agreementTodos) registerTodoSource(s);
  registerAgreementDownloads();
}
