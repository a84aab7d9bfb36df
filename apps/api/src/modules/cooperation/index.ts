// The cooperation of an agreement (issue 15): the registry of per-commons figure providers, the
// agreement overview, the annual cooperation report and its downloads.
// docs/decisions/0021-cooperation-report.md.
import { registerTodoSource } from '../home/index.ts';
import { registerReportDownloads } from './report.download.ts';
import { reportTodo } from './report.todo.ts';

export { registerCooperationProvider } from './cooperation.provider.ts';
export { attention, direction, figure, inYear, UNITS } from './cooperation.dto.ts';
export type { CooperationProvider, CooperationScope } from './cooperation.types.ts';
export { cooperationOverview } from './overview.query.ts';
export { cooperationRouter } from './cooperation.router.ts';
export { reportsAwaitingMyConfirmation } from './report.query.ts';

/** Registrations at start (modules/index.ts): the report's PDF and Excel downloads, and its to-do source. */
export function register(): void {
  registerReportDownloads();
  registerTodoSource(reportTodo);
}
