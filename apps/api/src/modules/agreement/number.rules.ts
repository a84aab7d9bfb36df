// The agreement's human number (issue 16, docs/decisions/0027-official-numbers.md): the parties'
// one-character short names in party order, 合, the year in 〔〕 and the sequence: 杭甬合〔2026〕1号.

/** Short names of cities whose customary character is not the city's first (宁波 → 甬). */
const CUSTOMARY: Record<string, string> = { 宁波: '甬', 嘉兴: '禾', 温州: '温', 杭州: '杭', 绍兴: '绍', 上海: '沪', 南京: '宁', 苏州: '苏' };

export function federationShortName(f: { shortName?: string | null; city: string; nameZh: string }): string {
  if (f.shortName) return f.shortName;
  const city = f.city.replace(/市$/, '');
  return CUSTOMARY[city] ?? (city || f.nameZh).slice(0, 1);
}

export function agreementNumber(shortNames: string[], year: number, seq: number): string {
  return `${shortNames.join('')}合〔${year}〕${seq}号`;
}
