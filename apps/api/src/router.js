import { auditRouter } from './modules/audit/audit.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { federationRouter } from './modules/federation/federation.router.ts';
import { staffRouter } from './modules/staff/staff.router.ts';
import { router } from './trpc.ts';
export const appRouter = router({
    auth: authRouter,
    federation: federationRouter,
    staff: staffRouter,
    audit: auditRouter,
});
