import type { MemberFileDto } from '@uc/contracts';
import { members, orgUnits } from '@uc/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { memberConditions, type MemberFilter } from './member.query.ts';
import { honoursByMember, identityFor, memberColumns, orgUnitOfMember, type HonourDto } from './member.repo.ts';
import { columnSpecs, GENDER_LABELS, HONOUR_LABELS, HONOUR_SEPARATOR, TEMPLATE_EXAMPLE } from './member.xlsx.ts';
import { xlsxWriter, type SheetSpec } from '../../lib/xlsx.ts';
import { renderXlsx } from '../../lib/renderPool.ts';

type SheetCell = SheetSpec['rows'][number][number];
const sheetColumns = (): SheetSpec['columns'] => columnSpecs().map((c) => ({ header: c.header as string, width: c.width!, ...(c.style?.numFmt ? { numFmt: c.style.numFmt } : {}) }));

const CHUNK = 2000;
const SHEET = '会员名册';

const validOn = (today: string) => (h: HonourDto) => h.validFrom <= today && (!h.validUntil || h.validUntil >= today);

/**
 * The members matching the list filters as an .xlsx in the import's columns (ID numbers
 * masked, mobiles as identityFor shows them to the caller; honours held today). Read in keyset chunks along member_name_idx as
 * plain rows; the workbook is written from them in the sheet pool's worker thread.
 */
export async function exportMembers(ctx: ServiceCtx, filter: MemberFilter): Promise<MemberFileDto> {
  const where = await memberConditions(ctx, filter);
  const today = chinaDate(ctx.now);
  const lines: SheetCell[][] = [];
  let after: { name: string; id: string } | null = null;
  let count = 0;
  for (;;) {
    const rows = await ctx.db
      .select(memberColumns)
      .from(members)
      .innerJoin(orgUnits, orgUnitOfMember)
      .where(and(...where, after ? sql`(${members.name}, ${members.id}) > (${after.name}, ${after.id}::uuid)` : undefined))
      .orderBy(asc(members.name), asc(members.id))
      .limit(CHUNK);
    const honours = await honoursByMember(
      ctx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const held = (honours.get(r.id) ?? []).filter(validOn(today)).map((h) => HONOUR_LABELS[h.kind]);
      const gender = r.gender === 'male' || r.gender === 'female' ? GENDER_LABELS[r.gender] : '';
      lines.push([r.name, gender, identityFor(ctx.actor.roles, r).mobile ?? '', r.idNumberMasked, r.orgUnitName, [...new Set(held)].join(HONOUR_SEPARATOR), r.orgUnitCode ?? '']);
    }
    count += rows.length;
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1]!;
  }
  // written in the sheet pool from the plain rows (lib/renderPool.ts): not on the request thread
  const bytes = await renderXlsx([{ name: SHEET, frozenHeader: true, columns: sheetColumns(), fonts: { 1: { bold: true } }, rows: lines }]);
  await recordAudit(ctx, { type: 'member.exported', entityType: 'member', entityId: null, data: { count } });
  return { filename: `${SHEET}-${today}.xlsx`, base64: bytes.toString('base64') };
}


/** An empty roster with the header row, one example row (the federation's root unit) and a sheet of instructions. */
export async function memberImportTemplate(ctx: ServiceCtx): Promise<MemberFileDto> {
  const [root] = await ctx.db
    .select({ name: orgUnits.name, code: orgUnits.code })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), isNull(orgUnits.parentId)))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
    .limit(1);
  const { workbook, finish } = xlsxWriter();
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnSpecs();
  sheet.getRow(1).font = { bold: true };
  const e = TEMPLATE_EXAMPLE;
  sheet.addRow([e.name, e.gender, e.mobile, e.idNumber, root?.name ?? '', e.honours, root?.code ?? '']).commit();
  sheet.commit();
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    '会员名册导入说明',
    '1. 只读取第一个工作表；第 1 行为表头，请勿修改列名。第 2 行是示例（张三），导入时会被识别并跳过，建议删除。',
    '2. 必填：姓名、身份证号（18 位，末位校验码须正确），以及“所属工会”或“组织编码”二者之一。',
    '   所属工会：填写系统中的组织名称；若有多个组织同名，请写出上级，用“/”分隔，如“湖滨街道总工会/杭州市公交集团工会”。',
    '   组织编码：组织机构页面上显示的编码；填写了编码时以编码为准。',
    '3. 性别填“男”或“女”；手机号为 11 位手机号码，可不填。',
    `4. 荣誉可不填，多项用逗号分隔，可选：${Object.values(HONOUR_LABELS).join('、')}。`,
    '5. 上传后先预览将要导入的会员，确认后才写入。任何一行有误时整份文件都不会导入，系统会逐行列出错误；改正后重新上传即可。',
    '6. 单次最多 20000 行。',
  ]) {
    help.addRow([line]).commit();
  }
  help.commit();
  return { filename: '会员导入模板.xlsx', base64: (await finish()).toString('base64') };
}
