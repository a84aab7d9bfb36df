/**
 * Which characters of a clause changed between two versions, for the side-by-side comparison.
 * Chinese has no spaces to split words on, so the diff is by character (longest common
 * subsequence), then tidied so a sentence rewritten around a shared 的 or ， reads as one change.
 */
export type DiffOp = 'same' | 'added' | 'removed';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells the table would be slow: the changed middle is shown as one replacement. */
const MAX_CELLS = 4_000_000;
/** Equal runs this short between two changes are folded into the change. */
const SHORT_EQUAL = 2;

export function diffText(before: string, after: string): DiffPart[] {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);

  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const middle = midA.length * midB.length > MAX_CELLS ? replaceAll(midA, midB) : lcsDiff(midA, midB);
  for (const p of cleanup(middle)) push(p.op, p.text);
  push('same', a.slice(a.length - end).join(''));
  return parts;
}

const replaceAll = (a: string[], b: string[]): DiffPart[] => [
  { op: 'removed', text: a.join('') },
  { op: 'added', text: b.join('') },
];

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths of the common subsequence of a[i..] and b[j..]
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => table[i * (m + 1) + j]!;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++]! });
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) out.push({ op: 'added', text: b[j++]! });
    else out.push({ op: 'removed', text: a[i++]! });
  }
  return out;
}

/** Merges neighbours, folds short equal runs that sit between changes, and puts removals before additions. */
function cleanup(parts: DiffPart[]): DiffPart[] {
  type Chunk = { same: string } | { removed: string; added: string };
  const chunks: Chunk[] = [];
  for (const p of parts) {
    const last = chunks[chunks.length - 1];
    if (p.op === 'same') {
      if (last && 'same' in last) last.same += p.text;
      else chunks.push({ same: p.text });
    } else {
      const change = last && 'removed' in last ? last : (chunks[chunks.push({ removed: '', added: '' }) - 1] as { removed: string; added: string });
      change[p.op] += p.text;
    }
  }
  for (let k = 1; k < chunks.length - 1; k++) {
    const c = chunks[k]!;
    const before = chunks[k - 1]!;
    const after = chunks[k + 1]!;
    if ('same' in c && [...c.same].length <= SHORT_EQUAL && 'removed' in before && 'removed' in after) {
      chunks.splice(k - 1, 3, { removed: before.removed + c.same + after.removed, added: before.added + c.same + after.added });
      k = Math.max(0, k - 2);
    }
  }
  return chunks.flatMap((c): DiffPart[] =>
    'same' in c
      ? [{ op: 'same', text: c.same }]
      : [
          { op: 'removed' as const, text: c.removed },
          { op: 'added' as const, text: c.added },
        ].filter((p) => p.text),
  );
}
