import { Card, Checkbox, Empty, Flex, Grid, Pagination, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type Key, type ReactNode } from 'react';
import { useT } from '../lib/locale.ts';

/** One field of a staff list: a column on a laptop, a labelled line on a phone card. */
export interface StaffColumn<T> {
  key: string;
  title: ReactNode;
  render(row: T): ReactNode;
  /** the card's heading on a phone (the first column when none is marked) */
  primary?: boolean;
  /** a column only the table needs (e.g. a detail the card's heading already shows) */
  tableOnly?: boolean;
  /** fixed width in the table; otherwise the content's */
  width?: number;
}

interface Props<T> {
  rows: T[];
  rowKey(row: T): string;
  columns: StaffColumn<T>[];
  /** the next steps on a row: a fixed, always visible column on a laptop, the card's footer on a phone */
  actions?: (row: T) => ReactNode;
  /** the actions column's width on a laptop (wide enough for the longest set of buttons) */
  actionsWidth?: number;
  loading?: boolean;
  empty?: ReactNode;
  /** rows per page; lists shorter than this are not paged */
  pageSize?: number;
  /** rows ticked for a bulk step */
  selection?: { keys: string[]; onChange(keys: string[]): void; canSelect(row: T): boolean };
  /** names each row (table) or card (phone) for tests and screen readers */
  testId?: string;
  size?: 'small' | 'middle';
}

/**
 * Every list an officer works through at the front desk: a table on a laptop whose 操作 column stays
 * fixed on the right (never cut, never scrolled away), and cards on a phone with the actions on each
 * card — nothing to scroll sideways for. One component, so the two layouts cannot drift apart.
 */
export function StaffList<T>({ rows, rowKey, columns, actions, actionsWidth = 200, loading, empty, pageSize = 50, selection, testId, size = 'middle' }: Props<T>) {
  const t = useT();
  const { md } = Grid.useBreakpoint();
  const [page, setPage] = useState(1);
  const emptyNode = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('common.empty')} />;

  if (md === false) {
    const primary = columns.find((c) => c.primary) ?? columns[0];
    const rest = columns.filter((c) => c !== primary && !c.tableOnly);
    const paged = rows.length > pageSize;
    const shown = paged ? rows.slice((page - 1) * pageSize, page * pageSize) : rows;
    const keys = new Set(selection?.keys ?? []);
    return (
      <Spin spinning={!!loading}>
        {rows.length === 0 && emptyNode}
        <Flex vertical gap={8} role="list">
          {shown.map((row) => {
            const key = rowKey(row);
            const action = actions?.(row);
            return (
              <Card key={key} size="small" role="listitem" data-testid={testId} styles={{ body: { padding: 12 } }}>
                <Flex gap={8} align="flex-start">
                  {selection && (
                    <Checkbox
                      checked={keys.has(key)}
                      disabled={!selection.canSelect(row)}
                      onChange={(e) => selection.onChange(e.target.checked ? [...keys, key] : [...keys].filter((k) => k !== key))}
                      aria-label={t('common.select')}
                    />
                  )}
                  <div style={{ minWidth: 0, flex: 1 }}>{primary?.render(row)}</div>
                </Flex>
                {rest.map((c) => (
                  <Flex key={c.key} gap={8} style={{ marginTop: 6, fontSize: 13 }}>
                    <Typography.Text type="secondary" style={{ flex: '0 0 72px', fontSize: 13 }}>
                      {c.title}
                    </Typography.Text>
                    <div style={{ minWidth: 0, flex: 1, overflowWrap: 'anywhere' }}>{c.render(row)}</div>
                  </Flex>
                ))}
                {action && (
                  <div style={{ marginTop: 10, paddingTop: 10, borderTop: '1px solid #f0f0f0' }} data-testid="staff-card-actions">
                    {action}
                  </div>
                )}
              </Card>
            );
          })}
        </Flex>
        {paged && <Pagination simple current={page} pageSize={pageSize} total={rows.length} onChange={setPage} style={{ marginTop: 12, textAlign: 'center' }} />}
      </Spin>
    );
  }

  const tableColumns: ColumnsType<T> = columns.map((c) => ({ key: c.key, title: c.title, render: (_: unknown, row: T) => c.render(row), ...(c.width ? { width: c.width } : {}) }));
  if (actions) {
    // fixed right with a width of its own: the buttons stay on screen however wide the other columns are
    tableColumns.push({ key: 'actions', title: t('common.actions'), fixed: 'right', width: actionsWidth, render: (_: unknown, row: T) => actions(row) });
  }
  return (
    <Table<T>
      rowKey={(row) => rowKey(row)}
      size={size}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      tableLayout="auto"
      {...(selection
        ? {
            rowSelection: {
              selectedRowKeys: selection.keys,
              onChange: (keys: Key[]) => selection.onChange(keys.map(String)),
              getCheckboxProps: (row: T) => ({ disabled: !selection.canSelect(row) }),
            },
          }
        : {})}
      onRow={() => (testId ? ({ 'data-testid': testId } as React.HTMLAttributes<HTMLElement>) : {})}
      locale={{ emptyText: emptyNode }}
      columns={tableColumns}
    />
  );
}
