import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { parseHtml, type Line } from './richText.ts';

function LineView({ line }: { line: Line }) {
  return (
    <>
      {line.map((s, i) => {
        let node: React.ReactNode = s.text;
        if (s.underline) node = <u>{node}</u>;
        if (s.italic) node = <em>{node}</em>;
        if (s.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/**
 * Clause text rendered from its stored HTML through the block model, never as raw HTML: only the
 * tags the API allows can appear, whatever the stored string holds.
 */
export function RichText({ html, style, empty }: { html: string; style?: CSSProperties; empty?: React.ReactNode }) {
  const blocks = parseHtml(html);
  if (!blocks.length) return empty ? <Typography.Text type="secondary">{empty}</Typography.Text> : null;
  return (
    <div style={{ lineHeight: 1.8, overflowWrap: 'anywhere', ...style }}>
      {blocks.map((b, i) =>
        b.kind === 'p' ? (
          <p key={i} style={{ margin: '0 0 8px' }}>
            {b.lines.map((l, j) => (
              <span key={j}>
                {j > 0 && <br />}
                <LineView line={l} />
              </span>
            ))}
          </p>
        ) : (
          (() => {
            const List = b.kind;
            return (
              <List key={i} style={{ margin: '0 0 8px', paddingInlineStart: 24 }}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <LineView line={item} />
                  </li>
                ))}
              </List>
            );
          })()
        ),
      )}
    </div>
  );
}
