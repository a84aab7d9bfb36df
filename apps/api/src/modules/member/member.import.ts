import { IMPORT_PREVIEW_ROWS, isValidIdNumber, isValidMobile, type memberImportInput, type MemberImportDto } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { members, orgUnits } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { idNumberHmac } from './idNumber.crypto.ts';
import { COLUMN_ORDER, type ColumnKey, COLUMNS, HONOUR_BY_LABEL, HONOUR_SPLIT, PATH_SPLIT, readRosterSheet, type SheetRow, TEMPLATE_EXAMPLE } from './member.xlsx.ts';
import { insertMembers, type NewMember } from './member.repo.ts';
import { unitScopeCondition } from '../orgUnit/index.ts';

type ImportInput = z.output<typeof memberImportInput>;
type RowError = MemberImportDto['errors'][number];

/** the source recorded on honours that come from a roster import */
export const IMPORT_HONOUR_SOURCE = '会员名册导入';

/**
 * Imports a member roster (.xlsx). Every row is checked first; if any row is bad nothing is
 * imported and each bad cell is reported (Excel row number, column, code, message in the
 * user's language). Otherwise all rows are inserted in this transaction — or, on a dry run,
 * nothing is written and the first rows are returned as a preview.
 * The template's example row (its ID number is the template's) is skipped and reported as such.
 */
export async function importMembers(ctx: ServiceCtx, input: ImportInput): Promise<MemberImportDto> {
  const rows = await readRosterSheet(Buffer.from(input.fileBase64, 'base64'));
  const errors: RowError[] = [];
  const skipped: RowError[] = [];
  const entry = (row: number, key: ColumnKey, code: string) => ({ row, column: COLUMNS[key], code, message: validationMessage(code, ctx.locale) });
  const report = (row: number, key: ColumnKey, code: string) => errors.push(entry(row, key, code));

  const units = await unitDirectory(ctx);
  const scope = await unitsInScope(ctx);
  const today = chinaDate(ctx.now);
  const firstRowOf = new Map<string, number>();
  const hmacOfRow = new Map<number, string>();
  const good: { row: number; member: NewMember }[] = [];
  for (const [i, r] of rows.entries()) {
    // 20 000 rows checked in one go held the event loop for a second: let other requests in between
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    if (r.cells.idNumber.replace(/\s/g, '').toUpperCase() === TEMPLATE_EXAMPLE.idNumber) {
      skipped.push(entry(r.row, 'name', 'template_example'));
      continue;
    }
    const m = checkRow(r, units, today, (key, code) => report(r.row, key, code));
    // a scoped officer imports only into their unit and the units below it
    if (scope && m.member.orgUnitId && !scope.has(m.member.orgUnitId)) {
      report(r.row, 'orgUnit', 'org_unit_out_of_scope');
      m.ok = false;
    }
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
    if (m.ok) good.push({ row: r.row, member: m.member });
  }
  for (const row of await rowsOfExisting(ctx, hmacOfRow)) report(row, 'idNumber', 'duplicate_existing');

  const base = { totalRows: rows.length, skipped, dryRun: input.dryRun };
  if (errors.length) {
    const order = (c: string) => COLUMN_ORDER.findIndex((k) => COLUMNS[k] === c);
    errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
    return { ...base, ok: false, imported: 0, errors, preview: [] };
  }
  if (input.dryRun) {
    const preview = good.slice(0, IMPORT_PREVIEW_ROWS).map((g) => ({ row: g.row, name: g.member.name, orgUnitPath: units.pathOf(g.member.orgUnitId).join('/') }));
    return { ...base, ok: true, imported: good.length, errors: [], preview };
  }
  if (good.length) {
    await insertMembers(
      ctx,
      good.map((g) => g.member),
    );
    await recordAudit(ctx, { type: 'member.imported', entityType: 'member', entityId: null, data: { count: good.length } });
  }
  return { ...base, ok: true, imported: good.length, errors: [], preview: [] };
}

function checkRow(r: SheetRow, units: UnitDirectory, today: string, bad: (key: ColumnKey, code: string) => void) {
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

  const unit = units.resolve(c.orgUnit, c.orgUnitCode);
  if (!unit.ok) fail(unit.column, unit.code);

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
    orgUnitId: unit.ok ? unit.id : '',
    honours: [...kinds].map((kind) => ({ kind, source: IMPORT_HONOUR_SOURCE, validFrom: today, validUntil: null })),
  };
  return { ok, member, idNumber: validId };
}

/** The ids of the caller's unit and the units below it; null for federation-wide staff. */
async function unitsInScope(ctx: ServiceCtx): Promise<Set<string> | null> {
  const scope = unitScopeCondition(ctx, orgUnits.id);
  if (!scope) return null;
  const rows = await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), scope));
  return new Set(rows.map((r) => r.id));
}

type Resolved = { ok: true; id: string } | { ok: false; column: ColumnKey; code: string };
interface UnitDirectory {
  /** a unit by its code (wins when given), else by its name or a path ending in it (上级/下级) */
  resolve(nameOrPath: string, code: string): Resolved;
  /** the names from the root down to the unit */
  pathOf(id: string): string[];
}

/** The federation's units, looked up by code, by name and by path (several units may share a name). */
async function unitDirectory(ctx: ServiceCtx): Promise<UnitDirectory> {
  const rows = await ctx.db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name, code: orgUnits.code })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, ctx.tenantId));
  const byId = new Map(rows.map((u) => [u.id, u]));
  const byCode = new Map(rows.filter((u) => u.code).map((u) => [u.code!, u.id]));
  const byName = new Map<string, string[]>();
  for (const u of rows) byName.set(u.name, [...(byName.get(u.name) ?? []), u.id]);
  const pathOf = (id: string) => {
    const out: string[] = [];
    for (let u = byId.get(id); u && out.length <= rows.length; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u.name);
    return out;
  };
  return {
    pathOf,
    resolve(nameOrPath, code) {
      if (code) {
        const id = byCode.get(code.trim().toUpperCase());
        return id ? { ok: true, id } : { ok: false, column: 'orgUnitCode', code: 'org_unit_code_unknown' };
      }
      const segments = nameOrPath.split(PATH_SPLIT).filter(Boolean);
      if (!segments.length) return { ok: false, column: 'orgUnit', code: 'required' };
      // the unit's own name, then each named ancestor directly above it
      const matches = (byName.get(segments[segments.length - 1]!) ?? []).filter((id) => {
        const path = pathOf(id);
        return segments.every((s, i) => path[path.length - segments.length + i] === s);
      });
      if (matches.length === 1) return { ok: true, id: matches[0]! };
      return { ok: false, column: 'orgUnit', code: matches.length ? 'org_unit_ambiguous' : 'org_unit_unknown' };
    },
  };
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
