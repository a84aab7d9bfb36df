import { appRouter } from '../router.ts';
import { createCallerFactory } from '../trpc.ts';

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
