import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrShape } from './qr.ts';

/** Paints the path back onto a grid, to compare with the library's own modules. */
function paint(path: string, viewBox: number): boolean[] {
  const grid = new Array<boolean>(viewBox * viewBox).fill(false);
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) grid[y * viewBox + x + i] = true;
  }
  return grid;
}

describe('a booking QR code as an SVG path', () => {
  const token = 'ck_9f2c1b7e4a6d4c0b8e3f5a1d2c7b9e01';

  it('draws exactly the dark modules of the code, inside a quiet zone', () => {
    const shape = qrShape(token);
    const { modules } = create(token, { errorCorrectionLevel: 'M' });
    expect(shape.size).toBe(modules.size);
    expect(shape.viewBox).toBe(modules.size + 8);
    const grid = paint(shape.path, shape.viewBox);
    for (let r = 0; r < shape.viewBox; r++)
      for (let c = 0; c < shape.viewBox; c++) {
        const inside = r >= 4 && c >= 4 && r < modules.size + 4 && c < modules.size + 4;
        const dark = inside ? Boolean(modules.data[(r - 4) * modules.size + (c - 4)]) : false;
        expect(grid[r * shape.viewBox + c], `module ${r},${c}`).toBe(dark);
      }
  });

  it('has the three finder patterns a scanner looks for', () => {
    const shape = qrShape(token, 0);
    const grid = paint(shape.path, shape.viewBox);
    const n = shape.size;
    // the top row of each finder pattern is seven dark modules
    for (const [r, c] of [[0, 0], [0, n - 7], [n - 7, 0]] as const)
      for (let i = 0; i < 7; i++) expect(grid[r * n + c + i]).toBe(true);
  });

  it('differs for different tokens', () => {
    expect(qrShape('token-a').path).not.toBe(qrShape('token-b').path);
  });
});
