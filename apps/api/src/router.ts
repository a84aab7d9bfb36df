import { agreementRouter } from './modules/agreements/agreement.router.ts';
import { auditRouter } from './modules/audit/audit.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { federationRouter } from './modules/federation/federation.router.ts';
import { dashboardRouter } from './modules/jointItems/dashboard/dashboard.router.ts';
import { jointItemRouter } from './modules/jointItems/jointItem.router.ts';
import { liaisonRouter } from './modules/mechanisms/liaison.router.ts';
import { meetingRouter } from './modules/mechanisms/meeting.router.ts';
import { memberRouter } from './modules/members/members.router.ts';
import { notificationRouter } from './modules/notifications/notification.router.ts';
import { orgUnitRouter } from './modules/orgUnits/orgUnits.router.ts';
import { recuperationRouter } from './modules/recuperation/recuperation.router.ts';
import { staffRouter } from './modules/staff/staff.router.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  federation: federationRouter,
  staff: staffRouter,
  orgUnit: orgUnitRouter,
  member: memberRouter,
  audit: auditRouter,
  agreement: agreementRouter,
  notification: notificationRouter,
  jointItem: jointItemRouter,
  dashboard: dashboardRouter,
  liaison: liaisonRouter,
  meeting: meetingRouter,
  recuperation: recuperationRouter,
});

export type AppRouter = typeof appRouter;
