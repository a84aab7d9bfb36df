import { renderXlsx } from '../../lib/renderPool.ts';

// The attendance workbook (签到统计): a summary sheet (场次, 人次, 人数 per city; each session)
// and the list of attendances.

export interface AttendanceSheet {
  title: string;
  totals: { sessionsHeld: number; attendances: number; people: number; perCity: { tenantId: string; attendances: number; people: number }[] };
  sessions: { when: string; title: string; status: string; attended: number }[];
  rows: { when: string; name: string; city: string; checkedIn: string }[];
}

export function attendanceXlsx(a: AttendanceSheet): Promise<Buffer> {
  // written in the sheet pool from plain rows (lib/renderPool.ts): not on the request thread
  return renderXlsx([
    {
      name: '汇总',
      columns: [{ width: 28 }, { width: 24 }, { width: 12 }, { width: 12 }],
      rows: [
        [a.title],
        ['场次', a.totals.sessionsHeld],
        ['人次', a.totals.attendances],
        ['人数', a.totals.people],
        [],
        ['场次时间', '场次名称', '状态', '签到人次'],
        ...a.sessions.map((s) => [s.when, s.title, s.status === 'cancelled' ? '已取消' : '', s.attended]),
      ],
    },
    {
      name: '签到名单',
      columns: [
        { header: '场次时间', width: 24 },
        { header: '姓名', width: 14 },
        { header: '所属工会', width: 20 },
        { header: '签到时间', width: 24 },
      ],
      rows: a.rows.map((r) => [r.when, r.name, r.city, r.checkedIn]),
    },
  ]);
}
