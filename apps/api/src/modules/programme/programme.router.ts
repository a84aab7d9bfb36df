import {
  calendarEntryDto,
  programmeCertificateVerifyDto,
  verifyCertificateInput,
  calendarInput,
  attendanceDto,
  byId,
  eventDetailDto,
  eventDto,
  eventInput,
  eventStepInput,
  eventUpdateInput,
  fileDto,
  learningRecordDto,
  nominateRegistrationInput,
  nominateXlsxRegistrationInput,
  rowImportDto,
  nominateResultDto,
  programmeCheckInInput,
  checkInResultDto,
  walkInInput,
  feedbackInput,
  feedbackDto,
  eventFeedbackDto,
  walkInResultDto,
  registerInput,
  programmeRegisterResultDto,
  registrationCancelInput,
  programmeRegistrationDto,
  registrationListInput,
  rescheduleInput,
  sessionCancelInput,
  sessionInput,
  ticketDto,
  venueDto,
  venueInput,
  venueUpdateInput,
  onceInput,
  homeDecisionInput,
  programmeRequestDto,
  programmeRequestListInput,
  materialDto,
  materialListInput,
  materialUploadInput,
  storedFileDto,
  programmeCertificateDto,
  programmeCertificateListDto,
  programmeCertificateInput,
  programmeCertificateCheckInput,
  programmeCertificateCheckDto,
} from '@uc/contracts';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { publicProcedure, roleProcedure, router, staffProcedure, tenantProcedure, toTrpcError } from '../../trpc.ts';
import { attendanceFile, eventAttendance } from './attendance.query.ts';
import { checkIn } from './checkin.write.ts';
import { recordWalkIn } from './walkin.write.ts';
import { giveFeedback } from './feedback.write.ts';
import { eventFeedback } from './feedback.query.ts';
import { programmeCalendar } from './calendar.query.ts';
import { getEvent, listEvents } from './event.query.ts';
import { createEvent, stepEvent, updateEvent } from './event.write.ts';
import { registrationDtoOf } from './programme.dto.ts';
import { DECIDER_ROLES, WRITER_ROLES } from './programme.rules.ts';
import { listRequests, myRequests } from './request.query.ts';
import { decideRequest, submitRequest, withdrawRequest } from './request.write.ts';
import { learningRecord, listRegistrations, myLearningRecord, myTickets, ticketFor } from './registration.query.ts';
import { acceptOffer, cancelRegistration, nominate, register } from './registration.write.ts';
import { nominateFromXlsx, nominationTemplate } from './registration.import.ts';
import { cancelSession, createSession, rescheduleSession } from './session.write.ts';
import { createVenue, listVenues, updateVenue } from './venue.write.ts';

import { listMaterials, materialFile } from './material.query.ts';
import { checkCertificate, listCertificates, memberCertificatePdf, myCertificatePdf, myCertificates, verifyProgrammeCertificate } from './certificate.query.ts';
import { uploadMaterial } from './material.write.ts';
// programme.* — joint programmes (思想共同引领). Stable names outside clients rely on:
// programme.list (the events visible to the caller's federation) and programme.get({ id }).

const writerProcedure = roleProcedure(...WRITER_ROLES);
const deciderProcedure = roleProcedure(...DECIDER_ROLES);
/** A member account with its member record: registers, sees its own tickets and learning record. */
const memberProcedure = roleProcedure('member').use(({ ctx, next }) => {
  if (!ctx.svc.actor.memberId) throw toTrpcError(new AppError('FORBIDDEN'));
  return next();
});

export const programmeRouter = router({
  list: tenantProcedure.output(z.array(eventDto)).query(({ ctx }) => listEvents(ctx.svc)),
  get: tenantProcedure.input(byId).output(eventDetailDto).query(({ ctx, input }) => getEvent(ctx.svc, input.id)),
  calendar: staffProcedure.input(calendarInput).output(z.array(calendarEntryDto)).query(({ ctx, input }) => programmeCalendar(ctx.svc, input)),
  venue: router({
    list: staffProcedure.output(z.array(venueDto)).query(({ ctx }) => listVenues(ctx.svc)),
    create: writerProcedure.input(venueInput).input(onceInput).output(venueDto).mutation(({ ctx, input }) => createVenue(ctx.svc, input)),
    update: writerProcedure.input(venueUpdateInput).output(venueDto).mutation(({ ctx, input }) => updateVenue(ctx.svc, input)),
  }),
  event: router({
    create: writerProcedure.input(eventInput).input(onceInput).output(eventDetailDto).mutation(({ ctx, input }) => createEvent(ctx.svc, input)),
    update: writerProcedure.input(eventUpdateInput).output(eventDetailDto).mutation(({ ctx, input }) => updateEvent(ctx.svc, input)),
    step: writerProcedure.input(eventStepInput).output(eventDetailDto).mutation(({ ctx, input }) => stepEvent(ctx.svc, input)),
    attendance: staffProcedure.input(byId).output(attendanceDto).query(({ ctx, input }) => eventAttendance(ctx.svc, input.id)),
    feedback: staffProcedure.input(byId).output(eventFeedbackDto).query(({ ctx, input }) => eventFeedback(ctx.svc, input.id)),
    attendanceXlsx: staffProcedure.input(byId).output(fileDto).query(({ ctx, input }) => attendanceFile(ctx.svc, input.id)),
  }),
  session: router({
    create: writerProcedure.input(sessionInput).input(onceInput).output(eventDetailDto).mutation(({ ctx, input }) => createSession(ctx.svc, input)),
    reschedule: writerProcedure.input(rescheduleInput).output(eventDetailDto).mutation(({ ctx, input }) => rescheduleSession(ctx.svc, input)),
    cancel: writerProcedure.input(sessionCancelInput).output(eventDetailDto).mutation(({ ctx, input }) => cancelSession(ctx.svc, input)),
    registrations: staffProcedure.input(registrationListInput).output(z.array(programmeRegistrationDto)).query(({ ctx, input }) => listRegistrations(ctx.svc, input.sessionId)),
    checkIn: staffProcedure.input(programmeCheckInInput).output(checkInResultDto).mutation(({ ctx, input }) => checkIn(ctx.svc, input)),
    walkIn: staffProcedure.input(walkInInput).output(walkInResultDto).mutation(({ ctx, input }) => recordWalkIn(ctx.svc, input)),
  }),
  registration: router({
    register: memberProcedure.input(registerInput).output(programmeRegisterResultDto).mutation(async ({ ctx, input }) => {
      const r = await register(ctx.svc, input);
      return { ticket: await ticketFor(ctx.svc, r.row), created: r.created };
    }),
    mine: memberProcedure.output(z.array(ticketDto)).query(({ ctx }) => myTickets(ctx.svc)),
    acceptOffer: memberProcedure.input(byId).output(ticketDto).mutation(async ({ ctx, input }) => ticketFor(ctx.svc, await acceptOffer(ctx.svc, input.id))),
    learning: memberProcedure.output(learningRecordDto).query(({ ctx }) => myLearningRecord(ctx.svc)),
    feedback: memberProcedure.input(feedbackInput).output(feedbackDto).mutation(({ ctx, input }) => giveFeedback(ctx.svc, input)),
    memberLearning: staffProcedure.input(z.object({ memberId: z.uuid() })).output(learningRecordDto).query(({ ctx, input }) => learningRecord(ctx.svc, input.memberId)),
    nominate: writerProcedure.input(nominateRegistrationInput).input(onceInput).output(nominateResultDto).mutation(({ ctx, input }) => nominate(ctx.svc, input)),
    nominationTemplate: writerProcedure.output(fileDto).query(() => nominationTemplate()),
    nominateXlsx: writerProcedure.input(nominateXlsxRegistrationInput).input(onceInput).output(rowImportDto).mutation(({ ctx, input }) => nominateFromXlsx(ctx.svc, input)),
    cancel: tenantProcedure.input(registrationCancelInput).output(programmeRegistrationDto).mutation(async ({ ctx, input }) => {
      const r = await cancelRegistration(ctx.svc, input.id, input.reason);
      return registrationDtoOf(r, new Map(), ctx.svc.locale);
    }),
  }),
  // an event's materials (资料, decision 0053): both parties' staff, and members registered for the event
  material: router({
    list: tenantProcedure.input(materialListInput).output(z.array(materialDto)).query(({ ctx, input }) => listMaterials(ctx.svc, input.eventId)),
    upload: writerProcedure.input(materialUploadInput).input(onceInput).output(materialDto).mutation(({ ctx, input }) => uploadMaterial(ctx.svc, input)),
    /** the file itself; the GET route /api/programme/materials/<id> serves it with its Content-Type */
    file: tenantProcedure.input(byId).output(storedFileDto).query(({ ctx, input }) => materialFile(ctx.svc, input.id)),
  }),
  // a class's completion certificates (结业证书, decision 0057): derived from check-ins on every call
  certificate: router({
    mine: memberProcedure.output(z.array(programmeCertificateDto)).query(({ ctx }) => myCertificates(ctx.svc)),
    /** the file itself; the GET route /api/t/<slug>/programmes/certificates/<eventId>.pdf serves it */
    minePdf: memberProcedure.input(z.object({ eventId: z.uuid() })).output(fileDto).query(({ ctx, input }) => myCertificatePdf(ctx.svc, input.eventId)),
    list: staffProcedure.input(z.object({ eventId: z.uuid() })).output(programmeCertificateListDto).query(({ ctx, input }) => listCertificates(ctx.svc, input.eventId)),
    pdf: staffProcedure.input(programmeCertificateInput).output(fileDto).query(({ ctx, input }) => memberCertificatePdf(ctx.svc, input)),
    check: staffProcedure.input(programmeCertificateCheckInput).output(programmeCertificateCheckDto).query(({ ctx, input }) => checkCertificate(ctx.svc, input.number)),
    /** public: the page behind the certificate's QR code (/verify/certificate/<number>) */
    verify: publicProcedure
      .input(verifyCertificateInput)
      .output(programmeCertificateVerifyDto)
      .query(({ ctx, input }) => verifyProgrammeCertificate({ db: ctx.db, now: ctx.now(), ip: ctx.ip, userAgent: ctx.userAgent }, input.number)),
  }),
  // registrations that need the home federation's approval (decision 0051)
  request: router({
    submit: memberProcedure.input(registerInput).input(onceInput).output(programmeRequestDto).mutation(({ ctx, input }) => submitRequest(ctx.svc, input)),
    mine: memberProcedure.output(z.array(programmeRequestDto)).query(({ ctx }) => myRequests(ctx.svc)),
    withdraw: tenantProcedure.input(byId).output(programmeRequestDto).mutation(({ ctx, input }) => withdrawRequest(ctx.svc, input.id)),
    list: deciderProcedure.input(programmeRequestListInput).output(z.array(programmeRequestDto)).query(({ ctx, input }) => listRequests(ctx.svc, input)),
    decide: deciderProcedure.input(homeDecisionInput).output(programmeRequestDto).mutation(({ ctx, input }) => decideRequest(ctx.svc, input)),
  }),
});
