/**
 * Clause text. The API stores limited HTML (p, br, strong, em, u, ul, ol, li — agreement.sanitize.ts);
 * the editor shows it as light markup in a plain textarea, which round-trips into exactly that set:
 *
 *   a blank line separates paragraphs; a single line break stays a line break
 *   "- " starts a bullet item, "1. " a numbered one
 *   **bold**, *italic*, __underline__; a backslash makes the next character literal
 *
 * Both directions go through one small block model, also used to render and to compare the text.
 */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}
export type Line = Span[];
export type Block = { kind: 'p'; lines: Line[] } | { kind: 'ul' | 'ol'; items: Line[] };

type Mark = 'bold' | 'italic' | 'underline';
const MARKS: Mark[] = ['bold', 'underline', 'italic'];
const MARK_TAGS: Record<string, Mark> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline' };
const OPEN: Record<Mark, string> = { bold: '<strong>', italic: '<em>', underline: '<u>' };
const CLOSE: Record<Mark, string> = { bold: '</strong>', italic: '</em>', underline: '</u>' };
const MARKER: Record<Mark, string> = { bold: '**', italic: '*', underline: '__' };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!;
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return whole;
  });
}
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const sameMarks = (a: Span, b: Span) => MARKS.every((m) => !!a[m] === !!b[m]);
/** Joins neighbouring spans with the same marks and drops empty ones. */
function tidy(line: Line): Line {
  const out: Line = [];
  for (const span of line) {
    if (!span.text) continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, span)) last.text += span.text;
    else out.push({ ...span });
  }
  return out;
}
const isBlank = (line: Line) => line.every((s) => !s.text.trim());

/** Reads the stored HTML (already sanitised by the API; anything unexpected is ignored). */
export function parseHtml(html: string): Block[] {
  const blocks: Block[] = [];
  const marks: Record<Mark, number> = { bold: 0, italic: 0, underline: 0 };
  let para: Line[] | null = null;
  let list: { kind: 'ul' | 'ol'; items: Line[]; depth: number } | null = null;
  let item: Line | null = null;

  const flushPara = () => {
    if (para) {
      const lines = para.map(tidy);
      while (lines.length && isBlank(lines[lines.length - 1]!)) lines.pop();
      if (lines.some((l) => !isBlank(l))) blocks.push({ kind: 'p', lines });
    }
    para = null;
  };
  const flushItem = () => {
    if (list && item && !isBlank(item)) list.items.push(tidy(item));
    item = null;
  };
  const addText = (text: string) => {
    const span: Span = { text };
    for (const m of MARKS) if (marks[m] > 0) span[m] = true;
    if (list) {
      if (!item) {
        if (!text.trim()) return;
        item = [];
      }
      item.push(span);
      return;
    }
    if (!para) {
      if (!text.trim()) return;
      para = [[]];
    }
    para[para.length - 1]!.push(span);
  };

  for (const [token, closing, tagName] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|[^<]+/gi)) {
    if (tagName === undefined) {
      addText(decodeEntities(token).replace(/[\r\n\t]+/g, ''));
      continue;
    }
    const tag = tagName.toLowerCase();
    const open = closing !== '/';
    if (tag in MARK_TAGS) marks[MARK_TAGS[tag]!] = Math.max(0, marks[MARK_TAGS[tag]!] + (open ? 1 : -1));
    else if (tag === 'br') {
      if (list) addText(' ');
      else if (para) para.push([]);
    } else if (tag === 'p' && !list) {
      flushPara();
      if (open) para = [[]];
    } else if (tag === 'ul' || tag === 'ol') {
      if (open) {
        if (list) list.depth++;
        else {
          flushPara();
          list = { kind: tag, items: [], depth: 1 };
        }
      } else if (list && --list.depth === 0) {
        flushItem();
        if (list.items.length) blocks.push({ kind: list.kind, items: list.items });
        list = null;
      }
    } else if (tag === 'li' && list) {
      flushItem();
      if (open) item = [];
    }
  }
  flushPara();
  if (list) {
    flushItem();
    const open: { kind: 'ul' | 'ol'; items: Line[] } = list;
    if (open.items.length) blocks.push({ kind: open.kind, items: open.items });
  }
  return blocks;
}

function lineHtml(line: Line): string {
  return tidy(line)
    .map((s) => {
      const on = MARKS.filter((m) => s[m]);
      return on.map((m) => OPEN[m]).join('') + escapeHtml(s.text) + [...on].reverse().map((m) => CLOSE[m]).join('');
    })
    .join('');
}

/** The HTML the API expects. */
export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((b) => (b.kind === 'p' ? `<p>${b.lines.map(lineHtml).join('<br />')}</p>` : `<${b.kind}>${b.items.map((i) => `<li>${lineHtml(i)}</li>`).join('')}</${b.kind}>`))
    .join('');
}

const BULLET = /^\s*[-•]\s+/;
const NUMBERED = /^\s*\d{1,3}\.\s+/;

function escapeMarkup(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\*/g, '\\*').replace(/__/g, '\\_\\_');
}

/**
 * Emits only the marks that change between spans, so a run of asterisks between two texts is at
 * most one bold and one italic toggle (1, 2 or 3 characters) and reads back unambiguously.
 */
function lineMarkup(line: Line): string {
  let out = '';
  const on: Record<Mark, boolean> = { bold: false, italic: false, underline: false };
  const toggle = (m: Mark) => {
    on[m] = !on[m];
    out += MARKER[m];
  };
  for (const s of tidy(line)) {
    for (const m of [...MARKS].reverse()) if (on[m] && !s[m]) toggle(m);
    for (const m of MARKS) if (!on[m] && s[m]) toggle(m);
    out += escapeMarkup(s.text);
  }
  for (const m of [...MARKS].reverse()) if (on[m]) toggle(m);
  return out;
}

/** The blocks as the editor's markup. */
export function blocksToMarkup(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind !== 'p') return b.items.map((i, n) => `${b.kind === 'ul' ? '-' : `${n + 1}.`} ${lineMarkup(i)}`).join('\n');
      // a paragraph line that would read as a list item keeps a backslash in front
      return b.lines.map((l) => lineMarkup(l).replace(/^(\s*)(?=[-•]\s|\d{1,3}\.\s)/, '$1\\')).join('\n');
    })
    .join('\n\n');
}

type Token = { text: string } | { mark: Mark };

/** One line of markup into spans: markers toggle; a marker left unclosed is literal text. */
function parseInline(src: string): Line {
  const tokens: Token[] = [];
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      tokens.push({ text: src[i + 1]! });
      i += 2;
    } else if (c === '*' || (c === '_' && src[i + 1] === '_')) {
      let n = 0;
      while (src[i + n] === c) n++;
      // a run of n asterisks is floor(n/2) bold toggles and n%2 italic; underscores pair up, a lone one is text
      for (let k = 0; k < Math.floor(n / 2); k++) tokens.push({ mark: c === '*' ? 'bold' : 'underline' });
      if (n % 2) tokens.push(c === '*' ? { mark: 'italic' } : { text: '_' });
      i += n;
    } else {
      tokens.push({ text: c });
      i++;
    }
  }
  for (const m of MARKS) {
    const at = tokens.flatMap((t, i) => ('mark' in t && t.mark === m ? [i] : []));
    if (at.length % 2) tokens[at[at.length - 1]!] = { text: MARKER[m] };
  }
  const state: Record<Mark, boolean> = { bold: false, italic: false, underline: false };
  const line: Line = [];
  for (const t of tokens) {
    if ('mark' in t) state[t.mark] = !state[t.mark];
    else {
      const span: Span = { text: t.text };
      for (const m of MARKS) if (state[m]) span[m] = true;
      line.push(span);
    }
  }
  return tidy(line);
}

/** The editor's markup into blocks (see the top of this file for the rules). */
export function parseMarkup(markup: string): Block[] {
  const blocks: Block[] = [];
  let afterBlank = true;
  for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      afterBlank = true;
      continue;
    }
    const last = afterBlank ? undefined : blocks[blocks.length - 1];
    afterBlank = false;
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const kind = BULLET.test(line) ? 'ul' : 'ol';
      const spans = parseInline(line.replace(kind === 'ul' ? BULLET : NUMBERED, ''));
      if (last && last.kind === kind) last.items.push(spans);
      else blocks.push({ kind, items: [spans] });
    } else if (last && last.kind === 'p') last.lines.push(parseInline(line));
    else blocks.push({ kind: 'p', lines: [parseInline(line)] });
  }
  return blocks;
}

export const htmlToMarkup = (html: string) => blocksToMarkup(parseHtml(html));
export const markupToHtml = (markup: string) => blocksToHtml(parseMarkup(markup));

/** The text without formatting, one paragraph or item per line (for comparing versions). */
export function blocksToPlain(blocks: Block[]): string {
  const text = (l: Line) => l.map((s) => s.text).join('');
  return blocks
    .map((b) => (b.kind === 'p' ? b.lines.map(text).join('\n') : b.items.map((i, n) => `${b.kind === 'ul' ? '•' : `${n + 1}.`} ${text(i)}`).join('\n')))
    .join('\n');
}
export const htmlToPlain = (html: string) => blocksToPlain(parseHtml(html));
