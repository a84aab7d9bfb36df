import {
  advanceInput,
  contestEntryImportInput,
  contestImportDto,
  contestTheoryImportDto,
  contestTheoryImportInput,
  applicationDecideInput,
  applicationDto,
  applicationListInput,
  contestApplyInput,
  openEventDto,
  registrationIdInput,
  appealDecideInput,
  appealIdInput,
  appealMarksDto,
  appealInput,
  byId,
  certificateDto,
  contestCreateInput,
  contestDetailDto,
  contestDto,
  contestEventDto,
  contestEventInput,
  contestSchemeInput,
  contestRegisterInput,
  drawResultDto,
  eventIdInput,
  fileDto,
  judgeAssignInput,
  judgeDto,
  judgeEventDto,
  judgeSheetDto,
  panelDto,
  registerResultDto,
  registrationDto,
  resultsDto,
  scoreResultDto,
  scoreSubmitInput,
  verifyCertificateDto,
  verifyCertificateInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { publicProcedure, toTrpcError, roleProcedure, router, staffProcedure, type RequestCtx } from '../../trpc.ts';
import { certificatePdf, listCertificates, verifyCertificate } from './certificate.query.ts';
import { finalise } from './certificate.write.ts';
import { ORGANISER_ROLES, REGISTRAR_ROLES } from './contest.access.ts';
import { eventDtoOf, getContest, listContests } from './contest.query.ts';
import { createContest, createEvent } from './contest.write.ts';
import { drawNumbers } from './entrant.draw.ts';
import { judgeCandidates, judgeSheet, myJudgeEvents, panel } from './judge.query.ts';
import { assignJudge } from './judge.write.ts';
import { listRegistrations } from './registration.query.ts';
import { register } from './registration.write.ts';
import { results } from './result.query.ts';
import { decideAppeal, fileAppeal, publish } from './result.write.ts';
import { appealMarks } from './appeal.query.ts';
import { lockScores } from './score.lock.ts';
import { submitScore } from './score.write.ts';
import { advance } from './stage.write.ts';
import { updateScheme } from './scheme.write.ts';
import { entryTemplate, importEntries } from './registration.import.ts';
import { importTheory, theoryTemplate } from './theory.import.ts';
import { theoryImports } from './theory.query.ts';
import { contestFile } from './contest.export.ts';
import { listApplications, myApplications, openEvents } from './application.query.ts';
import { apply, decideApplication, withdrawApplication, withdrawRegistration } from './application.write.ts';

// contest.* — joint skills contests (issue 9). Stable names: contest.list, contest.get({ id }),
// and the public contest.verifyCertificate({ number }).

const organiser = roleProcedure(...ORGANISER_ROLES);
const registrar = roleProcedure(...REGISTRAR_ROLES);
const judge = roleProcedure('judge');
/** A member account with its member record: applies from the phone, sees its applications and entries. */
const memberProcedure = roleProcedure('member').use(({ ctx, next }) => {
  if (!ctx.svc.actor.memberId) throw toTrpcError(new AppError('FORBIDDEN'));
  return next();
});
const applicant = roleProcedure(...REGISTRAR_ROLES, 'member');
const drawInput = eventIdInput.extend({ seed: z.string().min(8).max(120).optional() });
const userCtx = (ctx: RequestCtx) => ({ db: ctx.db, now: ctx.now(), ip: ctx.ip, userAgent: ctx.userAgent });

export const contestRouter = router({
  list: staffProcedure.output(z.array(contestDto)).query(({ ctx }) => listContests(ctx.svc)),
  get: staffProcedure.input(byId).output(contestDetailDto).query(({ ctx, input }) => getContest(ctx.svc, input.id)),
  create: organiser.input(contestCreateInput).input(onceInput).output(contestDto).mutation(async ({ ctx, input }) => {
    const c = await createContest(ctx.svc, input);
    return (await listContests(ctx.svc)).find((x) => x.id === c.id)!;
  }),
  event: router({
    create: organiser.input(contestEventInput).input(onceInput).output(contestEventDto).mutation(async ({ ctx, input }) => eventDtoOf(ctx.svc, await createEvent(ctx.svc, input))),
    updateScheme: organiser.input(contestSchemeInput).output(contestEventDto).mutation(async ({ ctx, input }) => eventDtoOf(ctx.svc, await updateScheme(ctx.svc, input))),
    advance: organiser.input(advanceInput).input(onceInput).output(contestEventDto).mutation(async ({ ctx, input }) => eventDtoOf(ctx.svc, await advance(ctx.svc, input))),
    draw: organiser.input(drawInput).output(drawResultDto).mutation(({ ctx, input }) => drawNumbers(ctx.svc, input.eventId, input.seed)),
    panel: staffProcedure.input(eventIdInput).output(panelDto).query(({ ctx, input }) => panel(ctx.svc, input.eventId)),
    judgeCandidates: organiser.input(eventIdInput).output(z.array(judgeDto)).query(({ ctx, input }) => judgeCandidates(ctx.svc, input.eventId)),
    assignJudge: organiser.input(judgeAssignInput).output(panelDto).mutation(({ ctx, input }) => assignJudge(ctx.svc, input)),
    lock: organiser.input(eventIdInput).output(z.object({ scores: z.number().int() })).mutation(({ ctx, input }) => lockScores(ctx.svc, input.eventId)),
    results: staffProcedure.input(eventIdInput).output(resultsDto).query(({ ctx, input }) => results(ctx.svc, input.eventId)),
    publish: organiser.input(eventIdInput).output(resultsDto).mutation(({ ctx, input }) => publish(ctx.svc, input.eventId)),
    finalise: organiser.input(eventIdInput).output(z.array(certificateDto)).mutation(async ({ ctx, input }) => {
      await finalise(ctx.svc, input.eventId);
      return listCertificates(ctx.svc, input.eventId);
    }),
    certificatePdf: staffProcedure
      .input(eventIdInput.extend({ number: verifyCertificateInput.shape.number }))
      .output(fileDto)
      .query(({ ctx, input }) => certificatePdf(ctx.svc, input.eventId, input.number)),
    rosterXlsx: staffProcedure.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'roster', 'xlsx')),
    rosterPdf: staffProcedure.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'roster', 'pdf')),
    resultsXlsx: staffProcedure.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'results', 'xlsx')),
    resultsPdf: staffProcedure.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'results', 'pdf')),
    scoresXlsx: organiser.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'scores', 'xlsx')),
    scoresPdf: organiser.input(eventIdInput).output(fileDto).query(({ ctx, input }) => contestFile(ctx.svc, input.eventId, 'scores', 'pdf')),
    certificates: staffProcedure.input(eventIdInput).output(z.array(certificateDto)).query(({ ctx, input }) => listCertificates(ctx.svc, input.eventId)),
  }),
  registration: router({
    create: registrar.input(contestRegisterInput).input(onceInput).output(registerResultDto).mutation(({ ctx, input }) => register(ctx.svc, input)),
    list: staffProcedure.input(eventIdInput).output(z.array(registrationDto)).query(({ ctx, input }) => listRegistrations(ctx.svc, input.eventId)),
    importTemplate: registrar.output(fileDto).query(() => entryTemplate()),
    import: registrar.input(contestEntryImportInput).input(onceInput).output(contestImportDto).mutation(({ ctx, input }) => importEntries(ctx.svc, input)),
    withdraw: registrar.input(registrationIdInput).output(registrationDto).mutation(({ ctx, input }) => withdrawRegistration(ctx.svc, input.id)),
  }),
  application: router({
    open: memberProcedure.output(z.array(openEventDto)).query(({ ctx }) => openEvents(ctx.svc)),
    submit: memberProcedure.input(contestApplyInput).input(onceInput).output(applicationDto).mutation(({ ctx, input }) => apply(ctx.svc, input)),
    mine: memberProcedure.output(z.array(applicationDto)).query(({ ctx }) => myApplications(ctx.svc)),
    withdraw: applicant.input(byId).output(applicationDto).mutation(({ ctx, input }) => withdrawApplication(ctx.svc, input.id)),
    list: registrar.input(applicationListInput).output(z.array(applicationDto)).query(({ ctx, input }) => listApplications(ctx.svc, input)),
    decide: registrar.input(applicationDecideInput).output(applicationDto).mutation(({ ctx, input }) => decideApplication(ctx.svc, input)),
  }),
  theory: router({
    imports: staffProcedure.input(eventIdInput).output(z.array(contestTheoryImportDto)).query(({ ctx, input }) => theoryImports(ctx.svc, input.eventId)),
    template: organiser.input(eventIdInput).output(fileDto).query(({ ctx, input }) => theoryTemplate(ctx.svc, input.eventId)),
    import: organiser.input(contestTheoryImportInput).input(onceInput).output(contestImportDto).mutation(({ ctx, input }) => importTheory(ctx.svc, input)),
  }),
  score: router({
    mine: judge.output(z.array(judgeEventDto)).query(({ ctx }) => myJudgeEvents(ctx.svc)),
    sheet: judge.input(eventIdInput).output(judgeSheetDto).query(({ ctx, input }) => judgeSheet(ctx.svc, input.eventId)),
    submit: judge.input(scoreSubmitInput).output(scoreResultDto).mutation(({ ctx, input }) => submitScore(ctx.svc, input)),
  }),
  appeal: router({
    file: registrar.input(appealInput).output(resultsDto).mutation(({ ctx, input }) => fileAppeal(ctx.svc, input)),
    decide: organiser.input(appealDecideInput).output(resultsDto).mutation(({ ctx, input }) => decideAppeal(ctx.svc, input)),
    marks: organiser.input(appealIdInput).output(appealMarksDto).query(({ ctx, input }) => appealMarks(ctx.svc, input.appealId)),
  }),
  verifyCertificate: publicProcedure.input(verifyCertificateInput).output(verifyCertificateDto).query(({ ctx, input }) => verifyCertificate(userCtx(ctx), input.number)),
});
