import { isValidIdNumber, type ContestImportDto, type contestEntryImportInput } from '@uc/contracts';
import { asTenant, members } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import ExcelJS from 'exceljs';
import { runRowImport } from '../../lib/rowImport.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { availability, findMembersClaiming } from '../place/index.ts';
import { idNumberHmac } from '../member/index.ts';
import { membersInScope } from '../orgUnit/index.ts';
import { assertEnteringParty, visibleEvent } from './contest.access.ts';
import { registrationClaims } from './contest.repo.ts';
import { eligibility } from './contest.rules.ts';
import { ACTIVE, assertWindowOpen, enterMember } from './registration.write.ts';

// A party's staff enter many of their own members at once from an Excel list (issue 9): 姓名,
// 身份证号 (matched to the member record by its keyed hash, never stored), 从业年限, 证书 (、-separated)
// and 本人同意 (是). Every row is checked first — member, name, eligibility, duplicates, entries
// already made, the city's places left; any bad row and nothing is entered, each problem reported
// by row and column. Otherwise every row takes its place through enterMember, the one claim, in
// this transaction: a place lost to a concurrent entry rolls the whole file back. The reading, the
// report and the all-or-nothing are runRowImport's (lib/rowImport.ts), as for every such list.

export const ENTRY_COLUMNS = { name: '姓名', idNumber: '身份证号', years: '从业年限', certificates: '证书', consent: '本人同意' } as const;
type Key = keyof typeof ENTRY_COLUMNS;
const REQUIRED: Key[] = ['name', 'idNumber', 'years', 'consent'];
const MAX_ROWS = 500;
const YES = new Set(['是', '同意', '已同意', 'Y', 'YES', '√', '✓']);

export async function importEntries(ctx: ServiceCtx, input: z.output<typeof contestEntryImportInput>): Promise<ContestImportDto> {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  assertEnteringParty(ctx, contest);
  assertWindowOpen(ctx, event);
  type Good = { row: number; memberId: string; name: string; years: number; certificates: string[] };
  return runRowImport<Key, Good>({
    bytes: Buffer.from(input.fileBase64, 'base64'),
    columns: ENTRY_COLUMNS,
    required: REQUIRED,
    maxRows: MAX_ROWS,
    dryRun: input.dryRun,
    locale: ctx.locale,
    check: async (rows, checks) => {
      // the members the file names, by the keyed hash of their ID numbers (own federation only)
      const idOf = (raw: string) => raw.replace(/\s/g, '').toUpperCase();
      const hmacs = rows.map((r) => (isValidIdNumber(idOf(r.cells.idNumber)) ? idNumberHmac(ctx.env.memberIdKey, idOf(r.cells.idNumber)) : null));
      const wanted = [...new Set(hmacs.filter((x): x is string => !!x))];
      const found = wanted.length
        ? await ctx.db.select({ id: members.id, name: members.name, birthDate: members.birthDate, hmac: members.idNumberHmac }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.idNumberHmac, wanted)))
        : [];
      const byHmac = new Map(found.map((m) => [m.hmac, m]));
      const entered = await findMembersClaiming(ctx, registrationClaims, event.id, found.map((m) => m.id), ACTIVE);
      // a scoped officer enters only members of their unit and the units below it
      const inScope = await membersInScope(ctx, found.map((m) => m.id));

      const seen = new Set<string>();
      const good: Good[] = [];
      rows.forEach((r, i) => {
        const c = r.cells;
        const row = checks.row(r.row);
        const bad = row.bad;
        if (!c.name) bad('name', 'required');
        if (!c.idNumber) bad('idNumber', 'required');
        else if (!hmacs[i]) bad('idNumber', 'id_number_invalid');
        const years = Number(c.years);
        if (!c.years) bad('years', 'required');
        else if (!Number.isInteger(years) || years < 0 || years > 60) bad('years', 'contest_years_invalid');
        if (!YES.has(c.consent.toUpperCase())) bad('consent', 'contest_consent_missing');
        const certificates = c.certificates
          .split(/[、,，;；\s]+/)
          .map((x) => x.trim())
          .filter(Boolean)
          .slice(0, 10);
        const m = hmacs[i] ? byHmac.get(hmacs[i]!) : undefined;
        if (hmacs[i] && !m) bad('idNumber', 'contest_member_unknown');
        if (m && c.name && m.name !== c.name) bad('name', 'contest_name_mismatch');
        if (m && seen.has(m.id)) bad('idNumber', 'duplicate_in_file');
        if (m) seen.add(m.id);
        if (m && !inScope.has(m.id)) bad('idNumber', 'member_out_of_scope');
        if (m && entered.has(m.id)) bad('idNumber', 'contest_already_entered');
        if (m && row.ok) for (const why of eligibility(event, { birthDate: m.birthDate, yearsInTrade: years, certificates })) bad(why === 'years_in_trade' ? 'years' : why === 'certificate' ? 'certificates' : 'idNumber', `contest_${why}`);
        if (m && row.ok) good.push({ row: r.row, memberId: m.id, name: m.name, years, certificates });
      });

      // the city's places left, read as the organiser reads the pool's shares (as the event's figures are): rows beyond them are refused one by one
      const places = await asTenant(ctx.db, event.tenantId, () => availability({ ...ctx, tenantId: event.tenantId }, { hostTenantId: event.tenantId, poolId: event.id }));
      const free = places.shares.find((s) => s.partyTenantId === ctx.tenantId)?.free ?? 0;
      if (!checks.count && good.length > free) for (const g of good.slice(free)) checks.report(g.row, 'name', 'contest_quota_full');
      return good;
    },
    preview: (g) => ({ name: g.name, detail: `${g.years} 年${g.certificates.length ? ` · ${g.certificates.join('、')}` : ''}` }),
    apply: async (good) => {
      for (const g of good) {
        await enterMember(ctx, { event, contest, memberId: g.memberId, yearsInTrade: g.years, certificates: g.certificates, consentAt: ctx.now, idempotencyKey: `xlsx:${g.memberId}:${ctx.now.getTime()}` });
      }
    },
  });
}

/** The list to fill in: the columns only (no example row that could be entered by mistake). */
export async function entryTemplate(): Promise<{ filename: string; contentType: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会协作平台 Union Commons';
  const ws = wb.addWorksheet('报名名单');
  ws.columns = [
    { header: ENTRY_COLUMNS.name, width: 12 },
    { header: ENTRY_COLUMNS.idNumber, width: 22, style: { numFmt: '@' } },
    { header: ENTRY_COLUMNS.years, width: 10 },
    { header: ENTRY_COLUMNS.certificates, width: 30 },
    { header: ENTRY_COLUMNS.consent, width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  return { filename: '竞赛报名导入模板.xlsx', contentType: XLSX_TYPE, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') };
}
