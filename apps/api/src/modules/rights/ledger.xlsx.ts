import { renderXlsx } from '../../lib/renderPool.ts';

// The annual cross-city referral ledger (异地维权协作台账) as rights departments file it: a title
// row, then one row per referral. No personal data: the worker is not named in the ledger.

export interface LedgerLine {
  no: number;
  direction: string;
  partner: string;
  kind: string;
  referredOn: string;
  status: string;
  assignee: string;
  outcome: string;
  recoveredYuan: number;
  acceptDays: number;
  breached: string;
  closedOn: string;
}

const COLUMNS: { key: keyof LedgerLine; header: string; width: number }[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'direction', header: '方向', width: 10 },
  { key: 'partner', header: '对方工会', width: 18 },
  { key: 'kind', header: '争议类型', width: 10 },
  { key: 'referredOn', header: '转办日期', width: 12 },
  { key: 'status', header: '当前状态', width: 16 },
  { key: 'assignee', header: '承办人', width: 22 },
  { key: 'outcome', header: '办理结果', width: 12 },
  { key: 'recoveredYuan', header: '追回金额（元）', width: 14 },
  { key: 'acceptDays', header: '受理用时（工作日）', width: 16 },
  { key: 'breached', header: '超时情况', width: 20 },
  { key: 'closedOn', header: '办结日期', width: 12 },
];

export function ledgerXlsx(title: string, lines: LedgerLine[]): Promise<Buffer> {
  // written in the sheet pool from plain rows (lib/renderPool.ts): not on the request thread
  return renderXlsx([
    {
      name: '台账',
      columns: COLUMNS.map((c) => ({ width: c.width })),
      fonts: { 1: { bold: true, size: 13 }, 3: { bold: true } },
      rows: [
        [title],
        [`共 ${lines.length} 件，追回金额合计 ${lines.reduce((n, l) => n + l.recoveredYuan, 0).toFixed(2)} 元`],
        COLUMNS.map((c) => c.header),
        ...lines.map((line) => COLUMNS.map((c) => line[c.key])),
      ],
    },
  ]);
}
