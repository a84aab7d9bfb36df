import { dashboardDto, dashboardInput, fileDto } from '@uc/contracts';
import { router, staffProcedure } from '../../trpc.ts';
import { dashboardPanels } from './dashboard.query.ts';
import { exportDashboard } from './dashboard.xlsx.ts';

export const dashboardRouter = router({
  panels: staffProcedure.input(dashboardInput).output(dashboardDto).query(({ ctx, input }) => dashboardPanels(ctx.svc, input)),
  exportXlsx: staffProcedure.input(dashboardInput).output(fileDto).query(({ ctx, input }) => exportDashboard(ctx.svc, input)),
});
