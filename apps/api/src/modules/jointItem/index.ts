// Joint items (the work plan): the surface mechanisms, jobs, the seed and the benchmarks use.
import { onAgreementActivated, registerWindDownStep } from '../agreement/index.ts';
import { registerCooperationProvider } from '../cooperation/index.ts';
import { registerDashboardPanel } from '../dashboard/index.ts';
import { itemsCooperation } from './jointItem.cooperation.ts';
import { registerJointItemDownloads } from './jointItem.download.ts';
import { itemPanels } from './jointItem.panel.ts';
import { createPlannedItems } from './workPlan.write.ts';
import { registerTodoSource } from '../home/index.ts';
import { milestoneTodo } from './jointItem.todo.ts';
import { jointItemWindDown } from './windDown.write.ts';

export { recordActivity } from './activity.write.ts';
export { uploadAttachment } from './attachment.write.ts';
export { confirmMilestone, reopenMilestone } from './confirmation.write.ts';
export { notifyPartyLeads } from './jointItem.notices.ts';
export { getJointItem, listJointItems } from './jointItem.query.ts';
export { jointItemRouter } from './jointItem.router.ts';
export { alertPeriod, daysOverdue } from './jointItem.rules.ts';
export { createJointItem, insertJointItem, setJointItemStatus, updateJointItem, updateJointItemSide } from './jointItem.write.ts';
export { findMilestone } from './milestone.query.ts';
export { createMilestone } from './milestone.write.ts';
export { postProgressUpdate } from './progress.write.ts';
export { listActivity } from './activity.query.ts';
export { agreementBoard, agreementTimeline } from './board.query.ts';
export { itemPage } from './itemPage.query.ts';
export { healthTrendSql, kindStatusSql, mondayOf, overdueSql } from './jointItem.panel.ts';
export { myItems } from './myItem.query.ts';

/**
 * Registrations at start (modules/index.ts): attachment and work-plan downloads, the items'
 * dashboard panels, and the work plan becoming joint items when an agreement comes into force.
 */
export function register(): void {
  registerTodoSource(milestoneTodo);
  registerJointItemDownloads();
  for (const panel of itemPanels) registerDashboardPanel(panel);
  registerCooperationProvider(itemsCooperation);
  onAgreementActivated(createPlannedItems);
  registerWindDownStep(jointItemWindDown);
}
