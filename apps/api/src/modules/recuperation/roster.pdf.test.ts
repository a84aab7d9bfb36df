import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookingDto, RosterDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { renderRosterPdf } from './roster.pdf.ts';

// The roster PDF read back with pdftotext -layout: the column header row is one line, long union
// names wrap onto further lines instead of being cut with "…".

const LONG_UNIT = '杭州市公交集团有限公司第三分公司驾驶员与乘务员联合基层工会委员会';

function booking(i: number): BookingDto {
  return {
    id: `b${i}`,
    status: 'confirmed',
    batch: { id: 'x', code: 'B1', routeTitle: '千岛湖', startDate: '2026-12-13', endDate: '2026-12-17', nights: 4, cancelDeadline: '2026-12-06' },
    host: { slug: 'hangzhou', nameZh: '杭州市总工会', nameEn: 'Hangzhou' },
    home: { slug: 'ningbo', nameZh: '宁波市总工会', nameEn: 'Ningbo' },
    member: { id: `m${i}`, name: `会员${i}`, gender: 'female', idNumberMasked: '330106********1234', mobile: null, orgUnitName: i === 0 ? LONG_UNIT : '宁波市机关工会' },
    companions: [],
  } as unknown as BookingDto;
}

describe('the roster PDF', () => {
  it('prints the column header row on one line and wraps long union names in full', async () => {
    const roster = {
      batch: { id: 'x', code: 'B1', routeTitle: '千岛湖', startDate: '2026-12-13', endDate: '2026-12-17', nights: 4, capacity: 40 },
      totals: { members: 2, ownMembers: 0, partnerMembers: 2, companions: 0, beds: 2, checkedIn: 0 },
      rows: [booking(0), booking(1)],
    } as unknown as RosterDto;
    const pdf = await renderRosterPdf(roster, new Date('2026-12-04T08:00:00Z'));
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n');
    const header = lines.find((l) => l.includes('序号'));
    expect(header).toBeDefined();
    for (const title of ['序号', '姓名', '身份', '性别', '身份证号（脱敏）', '手机号', '所属市总工会', '所属工会', '状态', '签到']) expect(header).toContain(title);
    expect(text).not.toContain('…');
    // the whole name is there, wrapped within its cell (the status column sits beside its first line)
    expect(text.replace(/\s+/g, '').replaceAll('已确认', '')).toContain(LONG_UNIT);
  });
});
