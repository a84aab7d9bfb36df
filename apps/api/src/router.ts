import { agreementRouter } from './modules/agreements/agreement.router.ts';
import { auditRouter } from './modules/audit/audit.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { federationRouter } from './modules/federation/federation.router.ts';
import { notificationRouter } from './modules/notifications/notification.router.ts';
import { staffRouter } from './modules/staff/staff.router.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  federation: federationRouter,
  staff: staffRouter,
  audit: auditRouter,
  agreement: agreementRouter,
  notification: notificationRouter,
});

export type AppRouter = typeof appRouter;
