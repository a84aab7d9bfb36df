import { create } from 'qrcode';

export interface QrShape {
  /** modules per side, without the quiet zone */
  size: number;
  /** one SVG path of every dark module, in module units, offset by the quiet zone */
  path: string;
  /** the side of the viewBox: size plus the quiet zone on both sides */
  viewBox: number;
}

/** A QR code of text as an SVG path: runs of dark modules per row become one rectangle each. */
export function qrShape(text: string, quietZone = 4): QrShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size, path: parts.join(''), viewBox: size + 2 * quietZone };
}
