import { dashboardDto, dashboardInput } from '@uc/contracts';
import { router, staffProcedure } from '../../trpc.ts';
import { dashboardPanels } from './dashboard.query.ts';

export const dashboardRouter = router({
  panels: staffProcedure.input(dashboardInput).output(dashboardDto).query(({ ctx, input }) => dashboardPanels(ctx.svc, input)),
});
