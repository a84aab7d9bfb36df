import { xlsxWriter } from '../../lib/xlsx.ts';

// The attendance workbook (签到统计): a summary sheet (场次, 人次, 人数 per city; each session)
// and the list of attendances.

export interface AttendanceSheet {
  title: string;
  totals: { sessionsHeld: number; attendances: number; people: number; perCity: { tenantId: string; attendances: number; people: number }[] };
  sessions: { when: string; title: string; status: string; attended: number }[];
  rows: { when: string; name: string; city: string; checkedIn: string }[];
}

export async function attendanceXlsx(a: AttendanceSheet): Promise<Buffer> {
  const { workbook, finish } = xlsxWriter();
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ width: 28 }, { width: 24 }, { width: 12 }, { width: 12 }];
  summary.addRow([a.title]).commit();
  summary.addRow(['场次', a.totals.sessionsHeld]).commit();
  summary.addRow(['人次', a.totals.attendances]).commit();
  summary.addRow(['人数', a.totals.people]).commit();
  summary.addRow([]).commit();
  summary.addRow(['场次时间', '场次名称', '状态', '签到人次']).commit();
  for (const s of a.sessions) summary.addRow([s.when, s.title, s.status === 'cancelled' ? '已取消' : '', s.attended]).commit();
  summary.commit();
  const list = workbook.addWorksheet('签到名单');
  list.columns = [{ header: '场次时间', width: 24 }, { header: '姓名', width: 14 }, { header: '所属工会', width: 20 }, { header: '签到时间', width: 24 }];
  for (const r of a.rows) list.addRow([r.when, r.name, r.city, r.checkedIn]).commit();
  list.commit();
  return finish();
}
