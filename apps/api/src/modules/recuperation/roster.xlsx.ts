import type { RosterDto } from '@uc/contracts';
import { renderXlsx } from '../../lib/renderPool.ts';
import { chinaDay, rosterLines, type RosterLine } from './roster.dto.ts';

// The roster as an .xlsx the base's front desk can print: a title row, then one row per person.

const COLUMNS: { key: keyof RosterLine; header: string; width: number }[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 12 },
  { key: 'role', header: '身份', width: 18 },
  { key: 'gender', header: '性别', width: 6 },
  { key: 'idNumberMasked', header: '身份证号（脱敏）', width: 22 },
  { key: 'mobile', header: '手机号', width: 14 },
  { key: 'federation', header: '所属市总工会', width: 16 },
  { key: 'unit', header: '所属工会', width: 30 },
  { key: 'status', header: '状态', width: 14 },
  { key: 'checkedIn', header: '签到', width: 8 },
];

export function rosterXlsx(r: RosterDto): Promise<Buffer> {
  // written in the sheet pool from plain rows (lib/renderPool.ts): not on the request thread
  return renderXlsx([
    {
      name: '名册',
      columns: COLUMNS.map((c) => ({ width: c.width, numFmt: '@' })),
      fonts: { 1: { bold: true, size: 13 }, 3: { bold: true } },
      rows: [
        [`${r.batch.routeTitle} · ${r.batch.code} · ${chinaDay(r.batch.startDate)}至${chinaDay(r.batch.endDate)}`],
        [`会员 ${r.totals.members} 人，随行家属 ${r.totals.companions} 人，床位 ${r.totals.beds}/${r.batch.capacity}`],
        COLUMNS.map((c) => c.header),
        ...rosterLines(r.rows).map((line) => COLUMNS.map((c) => line[c.key])),
      ],
    },
  ]);
}
