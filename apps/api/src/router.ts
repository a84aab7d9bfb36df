import { moduleRouters, registerModules } from './modules/index.ts';
import { router } from './trpc.ts';

// Registrations (downloads, dashboard panels, hooks) are in place before the API can be called.
registerModules();

export const appRouter = router(moduleRouters);

export type AppRouter = typeof appRouter;
