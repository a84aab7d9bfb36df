import { auditExportInput, auditFileDto, auditListDto, auditListInput, auditStatementDto, auditVerifyDto } from '@uc/contracts';
import { exportAuditLog } from './audit.export.ts';
import { roleProcedure, router } from '../../trpc.ts';
import { listAuditEvents, verifyAuditChain } from './audit.query.ts';
import { auditHeadStatement } from './statement.sign.ts';

const auditReader = roleProcedure('admin');

export const auditRouter = router({
  list: auditReader.input(auditListInput).output(auditListDto).query(({ ctx, input }) => listAuditEvents(ctx.svc, input)),
  /** the log as the filters show it, as Excel (through GET /api/t/<slug>/audit/export.xlsx) */
  exportXlsx: auditReader.input(auditExportInput).output(auditFileDto).query(({ ctx, input }) => exportAuditLog(ctx.svc, input)),
  verify: auditReader.output(auditVerifyDto).query(({ ctx }) => verifyAuditChain(ctx.svc)),
  statement: auditReader.output(auditStatementDto).query(({ ctx }) => auditHeadStatement(ctx.svc)),
});
