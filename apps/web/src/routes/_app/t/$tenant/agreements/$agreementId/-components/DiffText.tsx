import type { CSSProperties } from 'react';
import { diffText } from '@/routes/_app/t/$tenant/agreements/-components/textDiff.ts';

const REMOVED: CSSProperties = { background: '#ffd8d6', textDecoration: 'line-through', textDecorationColor: '#cf1322' };
const ADDED: CSSProperties = { background: '#c9f2b5', textDecoration: 'underline', textDecorationColor: '#389e0d' };

/** One side of a changed text: what it shares with the other side plain, its own part marked. */
export function DiffText({ before, after, side }: { before: string; after: string; side: 'left' | 'right' }) {
  const parts = diffText(before, after);
  return (
    <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((p, i) => {
        if (p.op === 'same') return <span key={i}>{p.text}</span>;
        if (side === 'left' && p.op === 'removed') return <del key={i} style={REMOVED}>{p.text}</del>;
        if (side === 'right' && p.op === 'added') return <ins key={i} style={ADDED}>{p.text}</ins>;
        return null;
      })}
    </span>
  );
}
