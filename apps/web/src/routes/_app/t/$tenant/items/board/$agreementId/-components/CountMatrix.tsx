import { JOINT_ITEM_STATUSES, JOINT_KINDS, type BoardDto } from '@uc/contracts';
import { Button, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';
import type { Filter } from './BoardView.tsx';

// the kind names stay in view while a phone scrolls the counts sideways
const sticky = { textAlign: 'start' as const, position: 'sticky' as const, left: 0, background: '#fff', zIndex: 1 };
const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'center' as const, whiteSpace: 'nowrap' as const };

/** Kinds down, statuses across; a count narrows the columns below to that kind and status, again to undo. */
export function CountMatrix({ cells, filter, onFilter }: { cells: BoardDto['cells']; filter: Filter; onFilter(f: Filter): void }) {
  const t = useT();
  const count = (kind?: string, status?: string) => cells.filter((c) => (!kind || c.kind === kind) && (!status || c.status === status)).reduce((n, c) => n + c.count, 0);
  const toggle = (f: Filter) => onFilter(f.kind === filter.kind && f.status === filter.status ? {} : f);
  const button = (f: Filter, n: number) => (
    <Button
      size="small"
      type={f.kind === filter.kind && f.status === filter.status ? 'primary' : 'text'}
      disabled={n === 0}
      onClick={() => toggle(f)}
      style={{ minWidth: 32 }}
    >
      {n === 0 ? t('items.board.emptyCell') : n}
    </Button>
  );

  return (
    <div style={{ overflowX: 'auto' }} data-testid="count-matrix">
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <thead>
          <tr>
            <th style={{ ...cell, ...sticky }} />
            {JOINT_ITEM_STATUSES.map((s) => (
              <th key={s} style={cell}>
                <Typography.Text type="secondary">{t(`items.status.${s}`)}</Typography.Text>
              </th>
            ))}
            <th style={cell}>
              <Typography.Text type="secondary">{t('items.board.total')}</Typography.Text>
            </th>
          </tr>
        </thead>
        <tbody>
          {JOINT_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row" style={{ ...cell, ...sticky, fontWeight: 500 }}>
                {t(`items.kind.${k}`)}
              </th>
              {JOINT_ITEM_STATUSES.map((s) => (
                <td key={s} style={cell}>
                  {button({ kind: k, status: s }, count(k, s))}
                </td>
              ))}
              <td style={cell}>{button({ kind: k }, count(k))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
