// The operator types a year's national arrangement as the State Council's notice lists it, one day
// per line: "2027-01-01 休 元旦" (a holiday) or "2027-02-20 班 春节调休" (a make-up working day).
// Ranges are not parsed: the notice's ranges are short and a line per day is what gets checked.

export interface NationalDay {
  day: string;
  work: boolean;
  name: string;
}

export type Parsed = { ok: true; days: NationalDay[] } | { ok: false; line: number; text: string };

const LINE = /^(\d{4}-\d{2}-\d{2})\s+(休|班)\s+(.{1,40})$/;

export function parseNationalDays(text: string): Parsed {
  const days: NationalDay[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const m = LINE.exec(line);
    if (!m) return { ok: false, line: i + 1, text: line };
    days.push({ day: m[1]!, work: m[2] === '班', name: m[3]!.trim() });
  }
  return { ok: true, days };
}

export const formatNationalDays = (days: readonly NationalDay[]) => days.map((d) => `${d.day} ${d.work ? '班' : '休'} ${d.name}`).join('\n');
