import { cooperationInput, cooperationOverviewDto, federationReportDto, federationReportInput, onceInput, reportCommentInput, reportConfirmInput, reportDto, reportTextInput, reportVerifyDto } from '@uc/contracts';
import { z } from 'zod';
import { roleProcedure, router, staffProcedure } from '../../trpc.ts';
import { federationReport } from './federation.query.ts';
import { cooperationOverview } from './overview.query.ts';
import { getReport, verifyReport } from './report.query.ts';
import { reportFile } from './report.export.ts';
import { commentReport, confirmReport, generateReport, saveReportTexts } from './report.write.ts';

const editor = roleProcedure('admin', 'signatory', 'lead', 'officer');
const signer = roleProcedure('admin', 'signatory');
const fileDto = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() });

export const cooperationRouter = router({
  overview: staffProcedure.input(cooperationInput).output(cooperationOverviewDto).query(({ ctx, input }) => cooperationOverview(ctx.svc, input)),
  federationReport: staffProcedure.input(federationReportInput).output(federationReportDto).query(({ ctx, input }) => federationReport(ctx.svc, input)),
  report: router({
    get: staffProcedure.input(cooperationInput).output(reportDto).query(({ ctx, input }) => getReport(ctx.svc, input)),
    generate: editor.input(cooperationInput).output(reportDto).mutation(({ ctx, input }) => generateReport(ctx.svc, input)),
    saveTexts: editor.input(reportTextInput).output(reportDto).mutation(({ ctx, input }) => saveReportTexts(ctx.svc, input)),
    comment: editor.input(reportCommentInput).input(onceInput).output(reportDto).mutation(({ ctx, input }) => commentReport(ctx.svc, input)),
    confirm: signer.input(reportConfirmInput).output(reportDto).mutation(({ ctx, input }) => confirmReport(ctx.svc, input)),
    verify: staffProcedure.input(cooperationInput).output(reportVerifyDto).query(({ ctx, input }) => verifyReport(ctx.svc, input)),
    pdf: staffProcedure.input(cooperationInput).output(fileDto).query(({ ctx, input }) => reportFile(ctx.svc, input, 'pdf')),
    xlsx: staffProcedure.input(cooperationInput).output(fileDto).query(({ ctx, input }) => reportFile(ctx.svc, input, 'xlsx')),
  }),
});
