import type { BookingDto } from '@uc/contracts';

// Chinese labels the roster exports print (the web app has its own catalogue).

export const STATUS_ZH: Record<BookingDto['status'], string> = {
  waitlisted: '候补',
  offered: '候补待确认',
  requested: '待审核',
  approved: '待接待方确认',
  confirmed: '已确认',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未报到',
};

export const RELATION_ZH: Record<BookingDto['companions'][number]['relation'], string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  parent_in_law: '配偶父母',
};

export const GENDER_ZH = (g: string | null) => (g === 'male' ? '男' : g === 'female' ? '女' : '');

export const chinaDay = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** One printed line per person: the member, then each companion under them. */
export interface RosterLine {
  no: string;
  name: string;
  role: string;
  gender: string;
  idNumberMasked: string;
  mobile: string;
  federation: string;
  unit: string;
  status: string;
  checkedIn: string;
}

export function rosterLines(rows: BookingDto[]): RosterLine[] {
  const out: RosterLine[] = [];
  rows.forEach((b, i) => {
    out.push({
      no: String(i + 1),
      name: b.member.name,
      role: '会员',
      gender: GENDER_ZH(b.member.gender),
      idNumberMasked: b.member.idNumberMasked,
      mobile: b.member.mobile ?? '',
      federation: b.home.nameZh,
      unit: b.member.orgUnitName,
      status: STATUS_ZH[b.status],
      checkedIn: b.checkedInAt ? '已签到' : '',
    });
    for (const c of b.companions) {
      out.push({ no: '', name: c.name, role: `随行家属（${RELATION_ZH[c.relation]}）`, gender: GENDER_ZH(c.gender), idNumberMasked: c.idNumberMasked, mobile: '', federation: '', unit: '', status: '', checkedIn: '' });
    }
  });
  return out;
}
