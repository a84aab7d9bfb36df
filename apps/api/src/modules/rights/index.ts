// Rights protection's public surface (what the router root, jobs, the seed and other modules use);
// the module's only entry point. Internals: types → repo → rules → query/write use cases.
import { registerCooperationProvider } from '../cooperation/index.ts';
import { registerDashboardPanel } from '../dashboard/index.ts';
import { rightsCooperation } from './rights.cooperation.ts';
import { rightsPanel } from './rights.panel.ts';
import { registerTodoSource } from '../home/index.ts';
import { referralTodo } from './rights.todo.ts';
import { registerMemberSection } from '../home/index.ts';
import { rightsSection } from './case.mine.ts';
import { registerRightsDownloads } from './rights.download.ts';

export { createCase, withdrawConsent } from './case.write.ts';
export { recordConsent } from './consent.write.ts';
export { uploadCaseDocument } from './document.write.ts';
export { refer, takeStep, transfer } from './referral.write.ts';
export { postMessage } from './thread.write.ts';
export { referralRouter, rightsCaseRouter, rightsSlaRouter } from './rights.router.ts';
export { runRightsSla } from './sla.job.ts';
export { isWorkingDay, yearKnown } from './workday.rules.ts';
export { findNationalDays } from './rights.repo.ts';

/** Registrations at start (modules/index.ts): the case-board dashboard panel. */
export function register(): void {
  registerMemberSection(rightsSection);
  registerRightsDownloads();
  registerTodoSource(referralTodo);
  registerDashboardPanel(rightsPanel);
  registerCooperationProvider(rightsCooperation);
}
