import {
  byId,
  caseCreateInput,
  caseIntakeDto,
  caseIntakeInput,
  caseDto,
  caseSummaryDto,
  closureDayInput,
  closureDayRemoveInput,
  consentInput,
  consentWithdrawInput,
  fedRefDto,
  fileAccessDto,
  fileDto,
  fileReadDto,
  myCaseDto,
  referInput,
  referralActionInput,
  referralDetailDto,
  referralDto,
  referralFollowUpInput,
  referralListInput,
  referralReasonInput,
  referralResolveInput,
  referralStartInput,
  referralStepInput,
  referralTransferInput,
  referralTransferRequestInput,
  rightsBoardDto,
  serviceLevelsDto,
  slaPolicyInput,
  referralMessageInput,
  threadDto,
  onceInput,
  caseDocumentUploadInput,
  caseDocumentDto,
  referralDocumentInput,
  referralDocumentDto,
  storedFileDto,
  referralThreadFileInput,
} from '@uc/contracts';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { hasRole } from '../../service.ts';
import { router, tenantProcedure, toTrpcError } from '../../trpc.ts';
import { board } from './board.query.ts';
import { getCase, listCases, myCases } from './case.query.ts';
import { ledgerFile } from './ledger.query.ts';
import { createCase, withdrawConsent } from './case.write.ts';
import { recordConsent } from './consent.write.ts';
import { intakeCase } from './caseIntake.write.ts';
import { accessLog, getReferral, listReferrals, readFile, referralPartners } from './referral.query.ts';
import { declineTransfer, refer, requestTransfer, takeStep, transfer } from './referral.write.ts';
import { readThread, readThreadFile } from './thread.query.ts';
import { ownConsentFormFile, referralConsentFormFile } from './consentForm.query.ts';
import { listCaseDocuments, ownDocumentFile, referralDocumentFile } from './document.query.ts';
import { uploadCaseDocument } from './document.write.ts';
import { postMessage } from './thread.write.ts';
import { serviceLevels } from './serviceLevels.query.ts';
import { addClosure, removeClosure, removePolicy, setPolicy } from './serviceLevels.write.ts';
import { CASE_ROLES } from './rights.types.ts';

// rightsCase.* — the referring federation's cases and the worker's consents;
// referral.* — the referral both federations work on (stable names: referral.list, referral.get).
// Caseworkers and admins only; other staff, members and other federations get NOT_FOUND.

/** Caseworkers and admins; anyone else of the federation is told NOT_FOUND, as an outsider is (no existence oracle). */
const caseworker = tenantProcedure.use(({ ctx, next }) => {
  if (!hasRole(ctx.svc.actor, ...CASE_ROLES)) throw toTrpcError(new AppError('NOT_FOUND'));
  return next();
});
const idOut = z.object({ id: z.string() });
const stepOut = z.object({ id: z.string(), status: z.string(), rowVersion: z.number() });
const out = (r: { id: string; status: string; rowVersion: number }) => ({ id: r.id, status: r.status, rowVersion: r.rowVersion });

/** A member account with its member record: sees its own cases' progress. */
const memberProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (!ctx.svc.actor.memberId) throw toTrpcError(new AppError('NOT_FOUND'));
  return next();
});

export const rightsCaseRouter = router({
  mine: memberProcedure.output(z.array(myCaseDto)).query(({ ctx }) => myCases(ctx.svc)),
  list: caseworker.output(z.array(caseSummaryDto)).query(({ ctx }) => listCases(ctx.svc)),
  get: caseworker.input(byId).output(caseDto).query(({ ctx, input }) => getCase(ctx.svc, input.id)),
  create: caseworker
    .input(caseCreateInput).input(onceInput)
    .output(z.object({ id: z.string(), duplicates: z.array(z.object({ id: z.string(), createdAt: z.string() })) }))
    .mutation(({ ctx, input }) => createCase(ctx.svc, input)),
  recordConsent: caseworker.input(consentInput).input(onceInput).output(idOut).mutation(({ ctx, input }) => recordConsent(ctx.svc, input)),
  /** the case, the consent and the referral at once, all or nothing (the desk's 登记案件并转办) */
  intake: caseworker.input(caseIntakeInput).input(onceInput).output(caseIntakeDto).mutation(({ ctx, input }) => intakeCase(ctx.svc, input)),
  /** a document as a file, shared with the partner or internal (decision 0053) */
  uploadDocument: caseworker.input(caseDocumentUploadInput).input(onceInput).output(caseDocumentDto).mutation(({ ctx, input }) => uploadCaseDocument(ctx.svc, input)),
  documents: caseworker.input(z.object({ caseId: z.uuid() })).output(z.array(caseDocumentDto)).query(({ ctx, input }) => listCaseDocuments(ctx.svc, input.caseId)),
  /** the owner's own document; the GET route /api/rights/documents/<id> serves it */
  document: caseworker.input(byId).output(storedFileDto).query(({ ctx, input }) => ownDocumentFile(ctx.svc, input.id)),
  /** the signed consent form (decision 0056); the GET route /api/rights/consents/<id>/form serves it */
  consentForm: caseworker.input(byId).output(storedFileDto).query(({ ctx, input }) => ownConsentFormFile(ctx.svc, input.id)),
  withdrawConsent: caseworker.input(consentWithdrawInput).output(idOut).mutation(({ ctx, input }) => withdrawConsent(ctx.svc, input)),
});

export const referralRouter = router({
  list: caseworker.input(referralListInput.optional()).output(z.array(referralDto)).query(({ ctx, input }) => listReferrals(ctx.svc, referralListInput.parse(input ?? {}))),
  get: caseworker.input(byId).output(referralDetailDto).query(({ ctx, input }) => getReferral(ctx.svc, input.id)),
  file: caseworker.input(byId).output(fileReadDto).query(({ ctx, input }) => readFile(ctx.svc, input.id)),
  accessLog: caseworker.input(byId).output(z.array(fileAccessDto)).query(({ ctx, input }) => accessLog(ctx.svc, input.id)),
  /** the secure thread between the two federations' caseworkers (a read is logged as a read of the file) */
  thread: caseworker.input(byId).output(threadDto).query(({ ctx, input }) => readThread(ctx.svc, input.id)),
  /** a shared document of the referral's case (the GET route /api/referrals/<id>/documents/<doc>); logged as a read of the file */
  document: caseworker
    .input(referralDocumentInput)
    .output(referralDocumentDto)
    .query(({ ctx, input }) => referralDocumentFile(ctx.svc, input)),
  /** the signed consent form the referral rests on (GET /api/referrals/<id>/consent-form); the performer only while the consent covers documents and identity; logged */
  consentForm: caseworker.input(byId).output(referralDocumentDto).query(({ ctx, input }) => referralConsentFormFile(ctx.svc, input.id)),
  /** a file on the thread (GET /api/referrals/<id>/thread/<file>); logged as a read of the file */
  threadFile: caseworker.input(referralThreadFileInput).output(referralDocumentDto).query(({ ctx, input }) => readThreadFile(ctx.svc, input)),
  post: caseworker.input(referralMessageInput).input(onceInput).output(idOut).mutation(({ ctx, input }) => postMessage(ctx.svc, input)),
  partners: caseworker.output(z.array(fedRefDto)).query(({ ctx }) => referralPartners(ctx.svc)),
  board: caseworker.output(rightsBoardDto).query(({ ctx }) => board(ctx.svc)),
  /** the year's ledger (台账) as .xlsx, no personal data */
  ledger: caseworker.input(z.object({ year: z.number().int().min(2000).max(2100) })).output(fileDto).query(({ ctx, input }) => ledgerFile(ctx.svc, input.year)),
  refer: caseworker.input(referInput).input(onceInput).output(stepOut).mutation(async ({ ctx, input }) => out(await refer(ctx.svc, input))),
  accept: caseworker.input(referralStepInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'accept', input, { note: input.note }))),
  return: caseworker.input(referralReasonInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'return', input, { reason: input.reason }))),
  resubmit: caseworker.input(referralStepInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'resubmit', input, { note: input.note }))),
  start: caseworker
    .input(referralStartInput)
    .output(stepOut)
    .mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'start', input, { assignee: input.assignee }, { assignee: input.assignee }))),
  action: caseworker
    .input(referralActionInput)
    .output(stepOut)
    .mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'action', input, { kind: input.kind, date: input.date, note: input.note }))),
  hold: caseworker.input(referralReasonInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'hold', input, { reason: input.reason }))),
  resume: caseworker.input(referralStepInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'resume', input, { note: input.note }))),
  resolve: caseworker.input(referralResolveInput).output(stepOut).mutation(async ({ ctx, input }) =>
    out(await takeStep(ctx.svc, 'resolve', input, { outcome: input.outcome, amountRecoveredFen: input.amountRecoveredFen, note: input.note }, { outcome: input.outcome, amountRecoveredFen: input.amountRecoveredFen })),
  ),
  followUp: caseworker
    .input(referralFollowUpInput)
    .output(stepOut)
    .mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'follow_up', input, { satisfaction: input.satisfaction, note: input.note }))),
  archive: caseworker.input(referralStepInput).output(stepOut).mutation(async ({ ctx, input }) => out(await takeStep(ctx.svc, 'archive', input, { note: input.note }))),
  requestTransfer: caseworker.input(referralTransferRequestInput).output(stepOut).mutation(async ({ ctx, input }) => out(await requestTransfer(ctx.svc, input))),
  declineTransfer: caseworker.input(referralReasonInput).output(stepOut).mutation(async ({ ctx, input }) => out(await declineTransfer(ctx.svc, input))),
  transfer: caseworker.input(referralTransferInput).output(stepOut).mutation(async ({ ctx, input }) => out(await transfer(ctx.svc, input))),
});

// rightsSla.* — the federation's service levels: caseworkers read them, the admin sets them (the access table).
export const rightsSlaRouter = router({
  get: caseworker.output(serviceLevelsDto).query(({ ctx }) => serviceLevels(ctx.svc)),
  setPolicy: caseworker.input(slaPolicyInput).output(idOut).mutation(({ ctx, input }) => setPolicy(ctx.svc, input)),
  removePolicy: caseworker.input(byId).output(idOut).mutation(({ ctx, input }) => removePolicy(ctx.svc, input.id)),
  addClosure: caseworker.input(closureDayInput).input(onceInput).output(z.object({ day: z.string() })).mutation(({ ctx, input }) => addClosure(ctx.svc, input)),
  removeClosure: caseworker.input(closureDayRemoveInput).output(z.object({ day: z.string() })).mutation(({ ctx, input }) => removeClosure(ctx.svc, input.day)),
});
