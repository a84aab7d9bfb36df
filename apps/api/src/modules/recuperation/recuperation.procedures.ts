import { AppError } from '../../errors.ts';
import { roleProcedure, tenantProcedure, toTrpcError } from '../../trpc.ts';
import { WRITER_ROLES } from './recuperation.common.ts';

// Who may call what: staff writers of the federation; a member account acting for its member
// record (signed in to its home federation); anyone of the federation for reads that adapt.

export const writerProcedure = roleProcedure(...WRITER_ROLES);

/** A member account with its member record: books, cancels, answers offers, sees its own bookings. */
export const memberProcedure = roleProcedure('member').use(({ ctx, next }) => {
  if (!ctx.svc.actor.memberId) throw toTrpcError(new AppError('FORBIDDEN'));
  return next();
});

/** staff or member of the federation; the service decides what each sees */
export const anyoneProcedure = tenantProcedure;
