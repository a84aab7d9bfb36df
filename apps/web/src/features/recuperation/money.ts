/** Money travels in integer fen (分); people read yuan with two decimals: ¥1,280.00. */
const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  return `${sign}¥${yuan.format(Math.abs(fen) / 100)}`;
}

/**
 * What staff type in a price box (yuan, up to two decimals) as fen, without floating-point
 * rounding (0.29 * 100 is 28.999…); null when it is not an amount.
 */
export function yuanToFen(input: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(input.replace(/[,，¥￥]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** fen as the plain yuan figure a price box shows (128000 → "1280.00"). */
export function fenToYuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
