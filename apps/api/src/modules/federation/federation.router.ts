import { federationDto, federationHomeDto } from '@uc/contracts';
import { z } from 'zod';
import { router, staffProcedure, tenantProcedure } from '../../trpc.ts';
import { getFederationHome, listFederations } from './federation.query.ts';

export const federationRouter = router({
  home: tenantProcedure.output(federationHomeDto).query(({ ctx }) => getFederationHome(ctx.svc)),
  directory: staffProcedure.output(z.array(federationDto)).query(({ ctx }) => listFederations(ctx.svc)),
});
