import type { FileDto, nominateInput, nominateXlsxInput, nominationResultDto } from '@uc/contracts';
import { isValidIdNumber } from '@uc/contracts';
import { members } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { idNumberHmac } from '../members/idNumber.crypto.ts';
import { cellText, XLSX_TYPE } from '../members/members.xlsx.ts';
import { findBatch, type BatchRow } from './batches.ts';
import { auditPlaced, placeBooking } from './booking.ts';
import { membersInScope } from './home.scope.ts';

// Staff of the home federation nominate members in bulk (组织推荐): each through the same booking
// transaction as a member's own, inside a savepoint so one refusal does not undo the others.
// The unit attests it collected each member's consent; the booking starts approved.

type Result = z.infer<typeof nominationResultDto>;
type Row = Result['rows'][number];
const MAX_ROWS = 500;

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
  const found = await ctx.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, input.memberIds)));
  const byId = new Map(found.map((m) => [m.id, m.name]));
  const list = input.memberIds.map((id, i) => ({ row: i + 1, memberId: byId.has(id) ? id : null, name: byId.get(id) ?? '' }));
  return nominateAll(ctx, batch, list, input.shareMobile, `nominate:${batch.id}:${ctx.now.getTime()}`);
}

/** From an .xlsx whose first sheet has 身份证号 (required) and 姓名 (checked when given). */
export async function nominateXlsx(ctx: ServiceCtx, input: z.infer<typeof nominateXlsxInput>): Promise<Result> {
  const batch = await findBatch(ctx, input.batchId);
  const sheet = await firstSheet(Buffer.from(input.fileBase64, 'base64'));
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((c, col) => header.set(cellText(c.value).replace(/[\s*＊]/g, ''), col));
  const idCol = header.get('身份证号');
  const nameCol = header.get('姓名');
  if (!idCol) throw new AppError('BAD_INPUT', { reason: 'missing_columns', columns: ['身份证号'] });
  const wanted: { row: number; idNumber: string; name: string }[] = [];
  for (let n = 2; n <= sheet.rowCount && wanted.length <= MAX_ROWS; n++) {
    const idNumber = cellText(sheet.getRow(n).getCell(idCol).value).toUpperCase();
    const name = nameCol ? cellText(sheet.getRow(n).getCell(nameCol).value) : '';
    if (idNumber || name) wanted.push({ row: n, idNumber, name });
  }
  if (wanted.length > MAX_ROWS) throw new AppError('BAD_INPUT', { reason: 'too_many_rows', maxRows: MAX_ROWS });
  const hmacs = wanted.filter((w) => isValidIdNumber(w.idNumber)).map((w) => idNumberHmac(ctx.env.memberIdKey, w.idNumber));
  const found = hmacs.length
    ? await ctx.db.select({ id: members.id, name: members.name, hmac: members.idNumberHmac }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.idNumberHmac, hmacs)))
    : [];
  const byHmac = new Map(found.map((m) => [m.hmac, m]));
  const list = wanted.map((w) => {
    const m = isValidIdNumber(w.idNumber) ? byHmac.get(idNumberHmac(ctx.env.memberIdKey, w.idNumber)) : undefined;
    // a name that does not match the ID number's member is treated as not found, never guessed
    const ok = m && (!w.name || w.name === m.name);
    return { row: w.row, memberId: ok ? m.id : null, name: w.name };
  });
  return nominateAll(ctx, batch, list, input.shareMobile, `nominate:${batch.id}:${ctx.now.getTime()}`);
}

/** The list staff fill in: 姓名 and 身份证号 (as text, or Excel would round it). */
export async function nominationTemplate(): Promise<FileDto> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('推荐名单');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: '身份证号', key: 'idNumber', width: 24, style: { numFmt: '@' } },
  ];
  return { filename: '疗休养推荐名单模板.xlsx', contentType: XLSX_TYPE, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new AppError('BAD_INPUT', { reason: 'not_xlsx' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('BAD_INPUT', { reason: 'not_xlsx' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('BAD_INPUT', { reason: 'no_sheet' });
  return sheet;
}
