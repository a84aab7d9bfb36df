import {
  agreementCreateInput,
  agreementDto,
  agreementListInput,
  agreementPdfDto,
  agreementSaveInput,
  agreementStepInput,
  agreementSummaryDto,
  byId,
  commentDto,
  commentInput,
  resolveCommentInput,
  declineInput,
  signInput,
  terminateInput,
  verifyDto,
  versionCompareDto,
  versionCompareInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { router, STAFF_ROLES, staffProcedure } from '../../trpc.ts';
import { passwordConfirmedProcedure } from '../auth/index.ts';
import { addComment, resolveComment } from './comment.write.ts';
import { listComments } from './comment.query.ts';
import { compareVersions } from './version.query.ts';
import { createAgreement } from './agreement.write.ts';
import { getAgreement, listAgreements, verifyAgreement } from './agreement.query.ts';
import { saveVersion } from './version.write.ts';
import { decide } from './agreement.sign.ts';
import { takeStep, type SimpleStep } from './lifecycle.write.ts';
import { agreementPdf } from './agreement.export.ts';

const stepResult = z.object({ status: z.string(), amendment: z.string().nullable() });
const step = (name: SimpleStep) =>
  staffProcedure
    .input(agreementStepInput)
    .output(stepResult)
    .mutation(({ ctx, input }) => takeStep(ctx.svc, { ...input, step: name }));
const decisionResult = z.object({ decision: z.enum(['signed', 'declined']), status: z.string(), amendment: z.string().nullable(), activated: z.boolean() });

export const agreementRouter = router({
  list: staffProcedure.input(agreementListInput.optional()).output(z.array(agreementSummaryDto)).query(({ ctx, input }) => listAgreements(ctx.svc, input ?? {})),
  get: staffProcedure.input(byId).output(agreementDto).query(({ ctx, input }) => getAgreement(ctx.svc, input.id)),
  create: staffProcedure.input(agreementCreateInput).input(onceInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => createAgreement(ctx.svc, input)),
  save: staffProcedure
    .input(agreementSaveInput)
    .output(z.object({ versionId: z.string(), number: z.number() }))
    .mutation(({ ctx, input }) => saveVersion(ctx.svc, input)),
  openNegotiation: step('openNegotiation'),
  sendForSignature: step('sendForSignature'),
  reopen: step('reopen'),
  amend: step('amend'),
  terminate: staffProcedure
    .input(terminateInput)
    .output(stepResult)
    .mutation(({ ctx, input }) => takeStep(ctx.svc, { ...input, step: 'terminate' })),
  // the password is checked (throttled) by the procedure, before the agreement's transaction
  sign: passwordConfirmedProcedure(...STAFF_ROLES).input(signInput).output(decisionResult).mutation(({ ctx, input }) => decide(ctx.svc, 'signed', input)),
  decline: staffProcedure.input(declineInput).output(decisionResult).mutation(({ ctx, input }) => decide(ctx.svc, 'declined', input)),
  compare: staffProcedure.input(versionCompareInput).output(versionCompareDto).query(({ ctx, input }) => compareVersions(ctx.svc, input)),
  verify: staffProcedure
    .input(byId.extend({ versionId: z.uuid().optional() }))
    .output(verifyDto)
    .query(({ ctx, input }) => verifyAgreement(ctx.svc, input.id, input.versionId)),
  comments: staffProcedure.input(byId).output(z.array(commentDto)).query(({ ctx, input }) => listComments(ctx.svc, input.id)),
  comment: staffProcedure.input(commentInput).input(onceInput).output(z.object({ id: z.string() })).mutation(({ ctx, input }) => addComment(ctx.svc, input)),
  resolveComment: staffProcedure.input(resolveCommentInput).output(z.object({ resolved: z.boolean() })).mutation(({ ctx, input }) => resolveComment(ctx.svc, input)),
  pdf: staffProcedure.input(byId).output(agreementPdfDto).query(({ ctx, input }) => agreementPdf(ctx.svc, input.id)),
});
