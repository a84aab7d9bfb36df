import {
  allocateInput,
  allocationListDto,
  baseCreateInput,
  baseDto,
  baseUpdateInput,
  batchCreateInput,
  batchDetailDto,
  batchDto,
  batchListInput,
  batchUpdateInput,
  bookInput,
  bookingActionInput,
  bulkDecideInput,
  bulkDecideResultDto,
  bookingDto,
  bookingListInput,
  bookingReasonInput,
  bookResultDto,
  byId,
  cancelInput,
  catalogBatchDto,
  catalogInput,
  checkInInput,
  eligibilityDto,
  fileDto,
  nominateInput,
  nominateXlsxInput,
  nominationResultDto,
  placesPanelDto,
  placesPanelInput,
  policyDto,
  policyInput,
  policyUpdateInput,
  quotaDto,
  quotaListInput,
  rosterDto,
  routeDto,
  routeInput,
  routeUpdateInput,
  onceInput,
} from '@uc/contracts';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { roleProcedure, router, staffProcedure, tenantProcedure, toTrpcError } from '../../trpc.ts';
import { getBase, listBases } from './base.query.ts';
import { createBase, updateBase } from './base.write.ts';
import { getBatch, listBatches, listCatalog } from './batch.query.ts';
import { createBatch, saveBatch } from './batch.write.ts';
import { book } from './booking.book.ts';
import { batchDetail, eligibility, getBooking, listBookings, myBookings } from './booking.query.ts';
import { bulkDecide } from './bulkDecision.write.ts';
import { acceptOffer, approve, cancel, confirm, declineOffer, reject } from './booking.write.ts';
import { checkIn, complete, markNoShow } from './checkin.write.ts';
import { nominate, nominateXlsx } from './nomination.write.ts';
import { nominationTemplate } from './nomination.xlsx.ts';
import { listPolicies } from './policy.query.ts';
import { createPolicy, updatePolicy } from './policy.write.ts';
import { listAllocations, listQuotas, placesPanel } from './quota.query.ts';
import { allocate } from './quota.write.ts';
import { WRITER_ROLES } from './recuperation.rules.ts';
import { readRoster, rosterFile } from './roster.query.ts';
import { getRoute, listRoutes } from './route.query.ts';
import { createRoute, updateRoute } from './route.write.ts';

// recuperation.* — host catalogue (bases, routes, batches, roster, check-in), the quota ledger,
// the home federation's policy, and bookings.

// Who may call what: staff writers of the federation; a member account acting for its member
// record (signed in to its home federation); anyone of the federation for reads that adapt.
const writerProcedure = roleProcedure(...WRITER_ROLES);

/** A member account with its member record: books, cancels, answers offers, sees its own bookings. */
const memberProcedure = roleProcedure('member').use(({ ctx, next }) => {
  if (!ctx.svc.actor.memberId) throw toTrpcError(new AppError('FORBIDDEN'));
  return next();
});

/** staff or member of the federation; the service decides what each sees */
const anyoneProcedure = tenantProcedure;

const batchIdInput = z.object({ batchId: z.uuid() });
const allocationsInput = z.object({ agreementId: z.uuid(), hostSlug: z.string().max(40), year: z.number().int().min(2000).max(2100) });

export const recuperationRouter = router({
  base: router({
    list: staffProcedure.output(z.array(baseDto)).query(({ ctx }) => listBases(ctx.svc)),
    get: staffProcedure.input(byId).output(baseDto).query(({ ctx, input }) => getBase(ctx.svc, input.id)),
    create: writerProcedure.input(baseCreateInput).input(onceInput).output(baseDto).mutation(({ ctx, input }) => createBase(ctx.svc, input)),
    update: writerProcedure.input(baseUpdateInput).output(baseDto).mutation(({ ctx, input }) => updateBase(ctx.svc, input)),
  }),
  route: router({
    list: staffProcedure.output(z.array(routeDto)).query(({ ctx }) => listRoutes(ctx.svc)),
    get: staffProcedure.input(byId).output(routeDto).query(({ ctx, input }) => getRoute(ctx.svc, input.id)),
    create: writerProcedure.input(routeInput).input(onceInput).output(routeDto).mutation(({ ctx, input }) => createRoute(ctx.svc, input)),
    update: writerProcedure.input(routeUpdateInput).output(routeDto).mutation(({ ctx, input }) => updateRoute(ctx.svc, input)),
  }),
  batch: router({
    list: staffProcedure.input(batchListInput.optional()).output(z.array(batchDto)).query(({ ctx, input }) => listBatches(ctx.svc, input ?? {})),
    get: staffProcedure.input(byId).output(batchDto).query(({ ctx, input }) => getBatch(ctx.svc, input.id)),
    create: writerProcedure.input(batchCreateInput).input(onceInput).output(batchDto).mutation(({ ctx, input }) => createBatch(ctx.svc, input)),
    update: writerProcedure.input(batchUpdateInput).output(batchDto).mutation(({ ctx, input }) => saveBatch(ctx.svc, input)),
    roster: staffProcedure.input(batchIdInput).output(rosterDto).query(({ ctx, input }) => readRoster(ctx.svc, input.batchId)),
    rosterXlsx: staffProcedure.input(batchIdInput).output(fileDto).query(({ ctx, input }) => rosterFile(ctx.svc, input.batchId, 'xlsx')),
    rosterPdf: staffProcedure.input(batchIdInput).output(fileDto).query(({ ctx, input }) => rosterFile(ctx.svc, input.batchId, 'pdf')),
  }),
  catalog: router({
    list: anyoneProcedure.input(catalogInput.optional()).output(z.array(catalogBatchDto)).query(({ ctx, input }) => listCatalog(ctx.svc, catalogInput.parse(input ?? {}))),
    batch: anyoneProcedure.input(batchIdInput).output(batchDetailDto).query(({ ctx, input }) => batchDetail(ctx.svc, input.batchId)),
  }),
  policy: router({
    list: staffProcedure.output(z.array(policyDto)).query(({ ctx }) => listPolicies(ctx.svc)),
    create: writerProcedure.input(policyInput).input(onceInput).output(policyDto).mutation(({ ctx, input }) => createPolicy(ctx.svc, input)),
    update: writerProcedure.input(policyUpdateInput).output(policyDto).mutation(({ ctx, input }) => updatePolicy(ctx.svc, input)),
  }),
  quota: router({
    list: staffProcedure.input(quotaListInput.optional()).output(z.array(quotaDto)).query(({ ctx, input }) => listQuotas(ctx.svc, input?.year)),
    allocations: staffProcedure.input(allocationsInput).output(allocationListDto).query(({ ctx, input }) => listAllocations(ctx.svc, input)),
    allocate: writerProcedure.input(allocateInput).output(allocationListDto).mutation(({ ctx, input }) => allocate(ctx.svc, input)),
    panel: staffProcedure.input(placesPanelInput).output(placesPanelDto).query(({ ctx, input }) => placesPanel(ctx.svc, input.agreementId, input.year)),
  }),
  booking: router({
    // the member
    book: memberProcedure.input(bookInput).output(bookResultDto).mutation(({ ctx, input }) => book(ctx.svc, input)),
    mine: memberProcedure.output(z.array(bookingDto)).query(({ ctx }) => myBookings(ctx.svc)),
    eligibility: memberProcedure.input(batchIdInput).output(eligibilityDto).query(({ ctx, input }) => eligibility(ctx.svc, input.batchId)),
    acceptOffer: memberProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => acceptOffer(ctx.svc, input.id)),
    declineOffer: memberProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => declineOffer(ctx.svc, input.id)),
    // the member or their federation's staff; either side's staff for get
    get: anyoneProcedure.input(byId).output(bookingDto).query(({ ctx, input }) => getBooking(ctx.svc, input.id)),
    cancel: anyoneProcedure.input(cancelInput).output(bookingDto).mutation(({ ctx, input }) => cancel(ctx.svc, input.id, input.reason, input.rowVersion)),
    // staff: the home federation approves and nominates, the host confirms and runs the stay
    list: staffProcedure.input(bookingListInput).output(z.array(bookingDto)).query(({ ctx, input }) => listBookings(ctx.svc, input)),
    approve: writerProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => approve(ctx.svc, input.id, input.rowVersion)),
    bulkDecide: writerProcedure.input(bulkDecideInput).output(bulkDecideResultDto).mutation(({ ctx, input }) => bulkDecide(ctx.svc, input)),
    confirm: writerProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => confirm(ctx.svc, input.id, input.rowVersion)),
    reject: writerProcedure.input(bookingReasonInput).output(bookingDto).mutation(({ ctx, input }) => reject(ctx.svc, input.id, input.reason, input.rowVersion)),
    checkIn: writerProcedure.input(checkInInput).output(bookingDto.nullable()).mutation(({ ctx, input }) => checkIn(ctx.svc, input)),
    noShow: writerProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => markNoShow(ctx.svc, input.id)),
    complete: writerProcedure.input(bookingActionInput).output(bookingDto).mutation(({ ctx, input }) => complete(ctx.svc, input.id)),
    nominate: writerProcedure.input(nominateInput).input(onceInput).output(nominationResultDto).mutation(({ ctx, input }) => nominate(ctx.svc, input)),
    nominateXlsx: writerProcedure.input(nominateXlsxInput).input(onceInput).output(nominationResultDto).mutation(({ ctx, input }) => nominateXlsx(ctx.svc, input)),
    nominationTemplate: writerProcedure.output(fileDto).query(() => nominationTemplate()),
  }),
});
