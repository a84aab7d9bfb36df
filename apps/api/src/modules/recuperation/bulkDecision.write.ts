import type { bulkDecideInput, bulkDecideResultDto } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findBooking } from './booking.query.ts';
import { approve, reject } from './booking.write.ts';

// An officer approves (or returns, with one reason) many requests in one go: every row goes
// through the same step as a single decision (approve / reject: state, scope, the policy's check),
// inside a savepoint so a refused row undoes only itself. All the bookings are locked first, in
// id order, so two officers deciding overlapping sets wait for each other instead of deadlocking
// over the audit head; the second then finds the rows already decided (BOOKING_STATE), never twice.

type Result = z.infer<typeof bulkDecideResultDto>;
type Row = Result['rows'][number];
const ROW_CODES = new Set(['NOT_ELIGIBLE', 'BOOKING_STATE', 'FORBIDDEN', 'NOT_FOUND', 'STALE_VERSION', 'BAD_INPUT']);

export async function bulkDecide(ctx: ServiceCtx, input: z.infer<typeof bulkDecideInput>): Promise<Result> {
  const ids = [...new Set(input.ids)];
  // An id the caller cannot see (another federation's, or none) makes the whole request NOT_FOUND,
  // as a single decision would answer: the list comes from the officer's own page, so a stranger in it
  // is tampering, and answering row by row would echo foreign ids back.
  for (const id of [...ids].sort()) await findBooking(ctx, id, { forUpdate: true });
  const rows: Row[] = [];
  for (const id of ids) {
    try {
      await ctx.db.transaction(async (sp) => {
        const spCtx = { ...ctx, db: sp };
        if (input.action === 'approve') await approve(spCtx, id);
        else await reject(spCtx, id, input.reason);
      });
      rows.push({ id, outcome: input.action === 'approve' ? 'approved' : 'rejected', code: null, reasons: [] });
    } catch (e) {
      if (!(e instanceof AppError) || !ROW_CODES.has(e.code)) throw e;
      rows.push({ id, outcome: 'refused', code: e.code, reasons: (e.details.reasons as Row['reasons'] | undefined) ?? [] });
    }
  }
  const refused = rows.filter((r) => r.outcome === 'refused').length;
  return { done: rows.length - refused, refused, rows };
}
