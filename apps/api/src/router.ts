import { moduleRouters, registerModules } from './modules/index.ts';
import { classifyRateLimits } from './rateLimit.ts';
import { router } from './trpc.ts';

// Registrations (downloads, dashboard panels, hooks) are in place before the API can be called.
registerModules();

export const appRouter = router(moduleRouters);
// which procedures render files or send mail is read off the router itself (tomorrow's too)
classifyRateLimits(appRouter._def.procedures);

export type AppRouter = typeof appRouter;
