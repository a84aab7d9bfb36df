// The contest module's public surface (joint skills contests, issue 9): what http, the seed and
// other modules use; its only entry point. docs/decisions/0011-contests.md.
import { registerCooperationProvider } from '../cooperation/index.ts';
import { registerDashboardPanel } from '../dashboard/index.ts';
import { contestCooperation } from './contest.cooperation.ts';
import { contestPanel } from './contest.panel.ts';
import { registerTodoSource } from '../home/index.ts';
import { appealTodo, applicationTodo } from './contest.todo.ts';
import { registerMemberSection } from '../home/index.ts';
import { contestSection } from './registration.mine.ts';
import { registerContestDownloads } from './contest.download.ts';
import { registerWindDownStep } from '../agreement/index.ts';
import { contestWindDown } from './windDown.write.ts';

export { contestRouter } from './contest.router.ts';
export { createContest, createEvent } from './contest.write.ts';
export { register as registerEntrant } from './registration.write.ts';
export { drawNumbers } from './entrant.draw.ts';
export { assignJudge } from './judge.write.ts';
export { judgeSheet } from './judge.query.ts';
export { submitScore } from './score.write.ts';
export { lockScores } from './score.lock.ts';
export { importTheory } from './theory.import.ts';
export { decideAppeal, fileAppeal, publish } from './result.write.ts';
export { finalise } from './certificate.write.ts';
export { draw, DRAW_ALGORITHM } from './contest.rules.ts';

/** Registrations at start (modules/index.ts): the contests dashboard panel. */
export function register(): void {
  registerMemberSection(contestSection);
  registerTodoSource(appealTodo);
  registerTodoSource(applicationTodo);
  registerDashboardPanel(contestPanel);
  registerCooperationProvider(contestCooperation);
  registerContestDownloads();
  registerWindDownStep(contestWindDown);
}
