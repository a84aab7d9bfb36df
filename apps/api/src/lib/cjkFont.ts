import { existsSync } from 'node:fs';

// The PDF embeds a subset of Noto Sans CJK (only the glyphs used), loaded from the system: the
// full font is 20 MB, far too large to keep in the repository. Debian's fonts-noto-cjk installs
// it as TrueType collections; each holds several faces and the Simplified Chinese one is picked
// by its PostScript name (docs/decisions/0006-pdf.md).

export interface FontFace {
  path: string;
  /** the face inside a .ttc collection */
  name: string;
}

const DIR = '/usr/share/fonts/opentype/noto';
const REGULAR: FontFace = { path: `${DIR}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' };
const BOLD: FontFace = { path: `${DIR}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' };

export class MissingFontError extends Error {
  constructor(path: string) {
    super(`PDF export needs the Noto Sans CJK font, not found at ${path}. Install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk).`);
    this.name = 'MissingFontError';
  }
}

/** The faces the agreement PDF uses; bold falls back to regular where only that is installed. */
export function cjkFonts(): { regular: FontFace; bold: FontFace } {
  if (!existsSync(REGULAR.path)) throw new MissingFontError(REGULAR.path);
  return { regular: REGULAR, bold: existsSync(BOLD.path) ? BOLD : REGULAR };
}
