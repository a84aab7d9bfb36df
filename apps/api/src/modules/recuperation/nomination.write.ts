import type { nominateInput, nominateXlsxInput, nominationResultDto } from '@uc/contracts';
import { isValidIdNumber } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { idNumberHmac } from '../member/index.ts';
import { findBatch } from './batch.query.ts';
import { auditPlaced, placeBooking } from './booking.book.ts';
import { readNominationSheet } from './nomination.xlsx.ts';
import { findMemberNamesByIds, findMembersByIdNumberHmacs } from './recuperation.repo.ts';
import type { BatchRow } from './recuperation.types.ts';
import { membersInScope } from '../orgUnit/index.ts';

// Staff of the home federation nominate members in bulk (组织推荐): each through the same booking
// transaction as a member's own, inside a savepoint so one refusal does not undo the others.
// The unit attests it collected each member's consent; the booking starts approved.

type Result = z.infer<typeof nominationResultDto>;
type Row = Result['rows'][number];

async function nominateAll(ctx: ServiceCtx, batch: BatchRow, list: { row: number; memberId: string | null; name: string }[], shareMobile: boolean, keyPrefix: string): Promise<Result> {
  const rows: Row[] = [];
  // a scoped officer nominates only members of their org units: others are not found for them
  const inScope = await membersInScope(ctx, list.flatMap((i) => (i.memberId ? [i.memberId] : [])));
  for (const item of list) {
    if (!item.memberId || !inScope.has(item.memberId)) {
      rows.push({ row: item.row, name: item.name, outcome: 'not_found', bookingId: null, reasons: [] });
      continue;
    }
    try {
      const placed = await ctx.db.transaction(async (sp) => {
        const spCtx = { ...ctx, db: sp };
        const p = await placeBooking(spCtx, {
          memberId: item.memberId!,
          batch,
          companions: [],
          consent: { method: 'staff_attested', shareMobile },
          idempotencyKey: `${keyPrefix}:${item.memberId}`,
          nominated: true,
          approved: true,
        });
        await auditPlaced(spCtx, p);
        return p;
      });
      const outcome = !placed.created ? 'already_booked' : placed.row.status === 'waitlisted' ? 'waitlisted' : 'booked';
      rows.push({ row: item.row, name: placed.row.memberName, outcome, bookingId: placed.row.id, reasons: [] });
    } catch (e) {
      if (!(e instanceof AppError) || !['NOT_ELIGIBLE', 'QUOTA_EXHAUSTED'].includes(e.code)) throw e;
      const reasons = (e.details.reasons as Row['reasons'] | undefined) ?? [];
      rows.push({ row: item.row, name: item.name, outcome: 'refused', bookingId: null, reasons });
    }
  }
  return {
    booked: rows.filter((r) => r.outcome === 'booked').length,
    waitlisted: rows.filter((r) => r.outcome === 'waitlisted').length,
    refused: rows.filter((r) => r.outcome === 'refused' || r.outcome === 'not_found').length,
    rows,
  };
}

export async function nominate(ctx: ServiceCtx, input: z.infer<typeof nominateInput>): Promise<Result> {
  const batch = await findBatch(ctx, input.batchId);
  const found = await findMemberNamesByIds(ctx, input.memberIds);
  const byId = new Map(found.map((m) => [m.id, m.name]));
  const list = input.memberIds.map((id, i) => ({ row: i + 1, memberId: byId.has(id) ? id : null, name: byId.get(id) ?? '' }));
  return nominateAll(ctx, batch, list, input.shareMobile, `nominate:${batch.id}:${ctx.now.getTime()}`);
}

/** From an .xlsx whose first sheet has 身份证号 (required) and 姓名 (checked when given). */
export async function nominateXlsx(ctx: ServiceCtx, input: z.infer<typeof nominateXlsxInput>): Promise<Result> {
  const batch = await findBatch(ctx, input.batchId);
  const wanted = await readNominationSheet(Buffer.from(input.fileBase64, 'base64'));
  const hmacs = wanted.filter((w) => isValidIdNumber(w.idNumber)).map((w) => idNumberHmac(ctx.env.memberIdKey, w.idNumber));
  const found = await findMembersByIdNumberHmacs(ctx, hmacs);
  const byHmac = new Map(found.map((m) => [m.hmac, m]));
  const list = wanted.map((w) => {
    const m = isValidIdNumber(w.idNumber) ? byHmac.get(idNumberHmac(ctx.env.memberIdKey, w.idNumber)) : undefined;
    // a name that does not match the ID number's member is treated as not found, never guessed
    const ok = m && (!w.name || w.name === m.name);
    return { row: w.row, memberId: ok ? m.id : null, name: w.name };
  });
  return nominateAll(ctx, batch, list, input.shareMobile, `nominate:${batch.id}:${ctx.now.getTime()}`);
}
