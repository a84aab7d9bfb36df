import { isValidIdNumber, isValidMobile, type nominateXlsxRegistrationInput, type RowImportDto } from '@uc/contracts';
import { asTenant, members } from '@uc/db';
import ExcelJS from 'exceljs';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { membersInScope } from '../orgUnit/index.ts';
import { runRowImport } from '../../lib/rowImport.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { idNumberHmac } from '../member/index.ts';
import { availability, findMembersClaiming } from '../place/index.ts';
import { findEvent, findSession } from './programme.repo.ts';
import { registrationOpen, seatsLeftFor } from './programme.rules.ts';
import { ACTIVE, registrationClaims } from './programme.types.ts';
import { nominateMember } from './registration.write.ts';

// Staff nominate many of their own members for a session from an Excel list (issue 10): 姓名,
// 身份证号 (matched to the member record by its keyed hash, never stored) or else 手机号, and
// 本人同意 (是) — needed when the session is the other city's, as for one-by-one nomination.
// Every row is checked first — the member in our federation, the name, duplicates in the file,
// registrations already made, the seats our city has left; any bad row and nobody is nominated,
// each problem reported by row and column (runRowImport). Otherwise every row goes through
// nominateMember, the one-by-one nomination's own path, in this transaction: a seat lost to a
// concurrent registration (the claim would waitlist) rolls the whole file back.

export const NOMINATION_COLUMNS = { name: '姓名', idNumber: '身份证号', mobile: ['手机号', '手机', '手机号码'], consent: ['本人同意', '同意'] } as const;
type Key = keyof typeof NOMINATION_COLUMNS;
const MAX_ROWS = 500;
const YES = new Set(['是', '同意', '已同意', 'Y', 'YES', '√', '✓']);

export async function nominateFromXlsx(ctx: ServiceCtx, input: z.output<typeof nominateXlsxRegistrationInput>): Promise<RowImportDto> {
  const s = await findSession(ctx, input.sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  const e = await findEvent(ctx, s.eventId);
  if (!e) throw new AppError('NOT_FOUND');
  if (!registrationOpen(e.status, s, ctx.now)) throw new AppError('PROGRAMME_STATE');
  const crossing = e.tenantId !== ctx.tenantId;
  type Good = { row: number; memberId: string; name: string; by: string; consent: boolean };
  return runRowImport<Key, Good>({
    bytes: Buffer.from(input.fileBase64, 'base64'),
    columns: NOMINATION_COLUMNS,
    required: ['name'],
    maxRows: MAX_ROWS,
    dryRun: input.dryRun,
    locale: ctx.locale,
    check: async (rows, checks) => {
      // our own members the file names: by the keyed hash of an ID number, or by a mobile
      const idOf = (raw: string) => raw.replace(/\s/g, '').toUpperCase();
      const keys = rows.map((r) => {
        const id = idOf(r.cells.idNumber);
        const mobile = r.cells.mobile.replace(/[\s-]/g, '');
        return { hmac: id && isValidIdNumber(id) ? idNumberHmac(ctx.env.memberIdKey, id) : null, mobile: !id && isValidMobile(mobile) ? mobile : null };
      });
      const hmacs = [...new Set(keys.flatMap((k) => (k.hmac ? [k.hmac] : [])))];
      const mobiles = [...new Set(keys.flatMap((k) => (k.mobile ? [k.mobile] : [])))];
      const found =
        hmacs.length || mobiles.length
          ? await ctx.db
              .select({ id: members.id, name: members.name, hmac: members.idNumberHmac, mobile: members.mobile })
              .from(members)
              .where(and(eq(members.tenantId, ctx.tenantId), or(...(hmacs.length ? [inArray(members.idNumberHmac, hmacs)] : []), ...(mobiles.length ? [inArray(members.mobile, mobiles)] : []))))
          : [];
      const registered = await findMembersClaiming(ctx, registrationClaims, s.id, found.map((m) => m.id), ACTIVE);
      // a scoped officer nominates only members of their unit and the units below it
      const inScope = await membersInScope(ctx, found.map((m) => m.id));

      const seen = new Set<string>();
      const good: Good[] = [];
      rows.forEach((r, i) => {
        const c = r.cells;
        const row = checks.row(r.row);
        const bad = row.bad;
        const k = keys[i]!;
        if (!c.name) bad('name', 'required');
        // the member: by ID number when there is one, else by mobile (a mobile may be shared: the name decides)
        let m: (typeof found)[number] | undefined;
        if (c.idNumber) {
          if (!k.hmac) bad('idNumber', 'id_number_invalid');
          else if (!(m = found.find((f) => f.hmac === k.hmac))) bad('idNumber', 'programme_member_unknown');
          else if (c.name && m.name !== c.name) bad('name', 'programme_name_mismatch');
        } else if (c.mobile) {
          const withMobile = k.mobile ? found.filter((f) => f.mobile === k.mobile) : [];
          const named = withMobile.filter((f) => f.name === c.name);
          if (!k.mobile) bad('mobile', 'mobile_invalid');
          else if (!withMobile.length) bad('mobile', 'programme_mobile_unknown');
          else if (c.name && !named.length) bad('name', 'programme_name_mismatch');
          else if (named.length > 1) bad('mobile', 'programme_mobile_ambiguous');
          else m = named[0];
        } else bad('idNumber', 'programme_id_or_mobile_required');
        const consent = YES.has(c.consent.toUpperCase());
        // the member's name and mobile go to the other city's host: only with their consent
        if (crossing && !consent) bad('consent', 'programme_consent_missing');
        const column: Key = c.idNumber ? 'idNumber' : 'mobile';
        if (m && seen.has(m.id)) bad(column, 'duplicate_in_file');
        if (m) seen.add(m.id);
        if (m && !inScope.has(m.id)) bad(column, 'member_out_of_scope');
        if (m && registered.has(m.id)) bad(column, 'programme_already_registered');
        if (m && row.ok) good.push({ row: r.row, memberId: m.id, name: m.name, by: c.idNumber ? '身份证号' : '手机号', consent });
      });

      // the seats our city has left, read as the host reads the pool: rows beyond them refuse the whole file
      const seats = seatsLeftFor(await asTenant(ctx.db, s.tenantId, () => availability({ ...ctx, tenantId: s.tenantId }, { hostTenantId: s.tenantId, poolId: s.id })), ctx.tenantId);
      if (!checks.count && good.length > seats) for (const g of good.slice(seats)) checks.report(g.row, 'name', 'programme_seats_full');
      return good;
    },
    preview: (g) => ({ name: g.name, detail: g.by }),
    apply: async (good) => {
      for (const g of good) {
        const r = await nominateMember(ctx, s.id, g.memberId, g.consent);
        // a seat taken meanwhile (the claim waitlisted) or a registration made meanwhile: nobody is nominated
        if (r.outcome !== 'held') throw new AppError('CONFLICT', { reason: 'programme_seats_taken', row: g.row });
      }
    },
  });
}

/** The list to fill in: the columns only (ID numbers and mobiles as text, or Excel would round them). */
export async function nominationTemplate(): Promise<{ filename: string; contentType: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会协作平台 Union Commons';
  const ws = wb.addWorksheet('推荐名单');
  ws.columns = [
    { header: NOMINATION_COLUMNS.name, width: 12 },
    { header: NOMINATION_COLUMNS.idNumber, width: 22, style: { numFmt: '@' } },
    { header: NOMINATION_COLUMNS.mobile[0], width: 16, style: { numFmt: '@' } },
    { header: NOMINATION_COLUMNS.consent[0], width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  return { filename: '活动推荐名单模板.xlsx', contentType: XLSX_TYPE, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
