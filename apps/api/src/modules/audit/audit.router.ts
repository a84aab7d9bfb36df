import { auditListDto, auditListInput, auditVerifyDto } from '@uc/contracts';
import { roleProcedure, router } from '../../trpc.ts';
import { listAuditEvents, verifyAuditChain } from './audit.query.ts';

const auditReader = roleProcedure('admin');

export const auditRouter = router({
  list: auditReader.input(auditListInput).output(auditListDto).query(({ ctx, input }) => listAuditEvents(ctx.svc, input)),
  verify: auditReader.output(auditVerifyDto).query(({ ctx }) => verifyAuditChain(ctx.svc)),
});
