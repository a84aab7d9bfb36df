import { Table, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

interface PreviewRow {
  row: number;
  [column: string]: unknown;
}

/**
 * What a dry run would import: a heading and the first rows (row number, then the given columns),
 * with a note when more rows will be imported than are shown. Shared by every .xlsx import's preview.
 */
export function ImportPreview({ heading, rows, total, columns }: { heading: string; rows: PreviewRow[]; total: number; columns: { title: string; key: string; width?: number; render?(value: string): React.ReactNode }[] }) {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{heading}</Typography.Text>
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          pagination={false}
          scroll={{ y: 280 }}
          dataSource={rows}
          columns={[{ title: t('import.row'), dataIndex: 'row', width: 64 }, ...columns.map((c) => ({ title: c.title, dataIndex: c.key, width: c.width, render: c.render }))]}
        />
      )}
      {total > rows.length && <Typography.Text type="secondary">{t('import.previewMore', { shown: rows.length })}</Typography.Text>}
    </>
  );
}
