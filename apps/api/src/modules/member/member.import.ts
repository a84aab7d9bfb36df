import { isValidIdNumber, isValidMobile, type memberImportInput, type MemberImportDto } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { members, orgUnits } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { idNumberHmac } from './idNumber.crypto.ts';
import { COLUMN_ORDER, type ColumnKey, COLUMNS, HONOUR_BY_LABEL, HONOUR_SPLIT, readRosterSheet, type SheetRow } from './member.xlsx.ts';
import { insertMembers, type NewMember } from './member.repo.ts';

type ImportInput = z.output<typeof memberImportInput>;
type RowError = MemberImportDto['errors'][number];

/** the source recorded on honours that come from a roster import */
export const IMPORT_HONOUR_SOURCE = '会员名册导入';

/**
 * Imports a member roster (.xlsx). Every row is checked first; if any row is bad nothing is
 * imported and each bad cell is reported (Excel row number, column, code, message in the
 * user's language). Otherwise all rows are inserted in this transaction.
 */
export async function importMembers(ctx: ServiceCtx, input: ImportInput): Promise<MemberImportDto> {
  const rows = await readRosterSheet(Buffer.from(input.fileBase64, 'base64'));
  const errors: RowError[] = [];
  const report = (row: number, key: ColumnKey, code: string) =>
    errors.push({ row, column: COLUMNS[key], code, message: validationMessage(code, ctx.locale) });

  const unitsByName = await orgUnitIdsByName(ctx);
  const today = chinaDate(ctx.now);
  const firstRowOf = new Map<string, number>();
  const hmacOfRow = new Map<number, string>();
  const good: NewMember[] = [];
  for (const r of rows) {
    const m = checkRow(r, unitsByName, today, (key, code) => report(r.row, key, code));
    if (m.idNumber) {
      const hmac = idNumberHmac(ctx.env.memberIdKey, m.idNumber);
      if (firstRowOf.has(hmac)) {
        report(r.row, 'idNumber', 'duplicate_in_file');
        m.ok = false;
      } else {
        firstRowOf.set(hmac, r.row);
        hmacOfRow.set(r.row, hmac);
      }
    }
    if (m.ok) good.push(m.member);
  }
  for (const row of await rowsOfExisting(ctx, hmacOfRow)) report(row, 'idNumber', 'duplicate_existing');

  if (errors.length) {
    const order = (c: string) => COLUMN_ORDER.findIndex((k) => COLUMNS[k] === c);
    errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
    return { ok: false, imported: 0, totalRows: rows.length, errors };
  }
  if (good.length) {
    await insertMembers(ctx, good);
    await recordAudit(ctx, { type: 'member.imported', entityType: 'member', entityId: null, data: { count: good.length } });
  }
  return { ok: true, imported: good.length, totalRows: rows.length, errors: [] };
}

function checkRow(r: SheetRow, unitsByName: Map<string, string[]>, today: string, bad: (key: ColumnKey, code: string) => void) {
  const c = r.cells;
  let ok = true;
  const fail = (key: ColumnKey, code: string) => {
    bad(key, code);
    ok = false;
  };
  if (!c.name) fail('name', 'required');
  else if (c.name.length > 40) fail('name', 'too_big');

  let gender: 'male' | 'female' | null = null;
  if (c.gender === '男') gender = 'male';
  else if (c.gender === '女') gender = 'female';
  else if (c.gender) fail('gender', 'invalid_value');

  const mobile = c.mobile.replace(/[\s-]/g, '') || null;
  if (mobile && !isValidMobile(mobile)) fail('mobile', 'mobile_invalid');

  const idNumber = c.idNumber.replace(/\s/g, '').toUpperCase();
  let validId: string | null = null;
  if (!idNumber) fail('idNumber', 'required');
  else if (!isValidIdNumber(idNumber)) fail('idNumber', 'id_number_invalid');
  else validId = idNumber;

  // an exact name; a name two units share is as unknown as a missing one
  const unitIds = unitsByName.get(c.orgUnit);
  if (!c.orgUnit) fail('orgUnit', 'required');
  else if (!unitIds || unitIds.length !== 1) fail('orgUnit', 'org_unit_unknown');

  const kinds = new Set<string>();
  for (const label of c.honours.split(HONOUR_SPLIT).filter(Boolean)) {
    const kind = HONOUR_BY_LABEL.get(label);
    if (kind) kinds.add(kind);
    else {
      fail('honours', 'honour_unknown');
      break;
    }
  }
  const member: NewMember = {
    name: c.name,
    gender,
    mobile,
    idNumber: validId ?? '',
    orgUnitId: unitIds?.[0] ?? '',
    honours: [...kinds].map((kind) => ({ kind, source: IMPORT_HONOUR_SOURCE, validFrom: today, validUntil: null })),
  };
  return { ok, member, idNumber: validId };
}

async function orgUnitIdsByName(ctx: ServiceCtx): Promise<Map<string, string[]>> {
  const units = await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId));
  const out = new Map<string, string[]>();
  for (const u of units) out.set(u.name, [...(out.get(u.name) ?? []), u.id]);
  return out;
}

/** The rows whose ID number is already a member here (looked up by HMAC through the unique index). */
async function rowsOfExisting(ctx: ServiceCtx, hmacOfRow: Map<number, string>): Promise<number[]> {
  const rowOf = new Map([...hmacOfRow].map(([row, hmac]) => [hmac, row]));
  const hmacs = [...rowOf.keys()];
  const out: number[] = [];
  for (let i = 0; i < hmacs.length; i += 1000) {
    const found = await ctx.db
      .select({ hmac: members.idNumberHmac })
      .from(members)
      .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.idNumberHmac, hmacs.slice(i, i + 1000))));
    for (const f of found) out.push(rowOf.get(f.hmac)!);
  }
  return out;
}
