// What the editor's formatting buttons do to the textarea's text and selection.

export interface TextEdit {
  value: string;
  /** the selection afterwards */
  start: number;
  end: number;
}

/** Puts a marker (** * __) around the selection, or takes it away when the selection already has it. */
export function toggleWrap(value: string, start: number, end: number, marker: string): TextEdit {
  const m = marker.length;
  const before = value.slice(start - m, start);
  const after = value.slice(end, end + m);
  if (start >= m && before === marker && after === marker) {
    return { value: value.slice(0, start - m) + value.slice(start, end) + value.slice(end + m), start: start - m, end: end - m };
  }
  return { value: value.slice(0, start) + marker + value.slice(start, end) + marker + value.slice(end), start: start + m, end: end + m };
}

const LIST_PREFIX = /^\s*(?:[-•]|\d{1,3}\.)\s+/;

/** Makes the selected lines a bullet or numbered list; lines that already are one become plain again. */
export function toggleList(value: string, start: number, end: number, kind: 'ul' | 'ol'): TextEdit {
  const from = value.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = value.indexOf('\n', Math.max(end - (end > start && value[end - 1] === '\n' ? 1 : 0), start));
  const to = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(from, to).split('\n');
  const already = lines.every((l) => !l.trim() || (kind === 'ul' ? /^\s*[-•]\s+/ : /^\s*\d{1,3}\.\s+/).test(l));
  let n = 0;
  const changed = lines
    .map((l) => {
      if (!l.trim()) return l;
      const text = l.replace(LIST_PREFIX, '');
      if (already) return text;
      n++;
      return `${kind === 'ul' ? '-' : `${n}.`} ${text}`;
    })
    .join('\n');
  return { value: value.slice(0, from) + changed + value.slice(to), start: from, end: from + changed.length };
}
