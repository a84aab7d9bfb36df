import { auditListDto, auditListInput, auditStatementDto, auditVerifyDto } from '@uc/contracts';
import { roleProcedure, router } from '../../trpc.ts';
import { listAuditEvents, verifyAuditChain } from './audit.query.ts';
import { auditHeadStatement } from './statement.sign.ts';

const auditReader = roleProcedure('admin');

export const auditRouter = router({
  list: auditReader.input(auditListInput).output(auditListDto).query(({ ctx, input }) => listAuditEvents(ctx.svc, input)),
  verify: auditReader.output(auditVerifyDto).query(({ ctx }) => verifyAuditChain(ctx.svc)),
  statement: auditReader.output(auditStatementDto).query(({ ctx }) => auditHeadStatement(ctx.svc)),
});
