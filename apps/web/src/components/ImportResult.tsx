import type { MemberImportDto } from '@uc/contracts';
import { Button, Result, Table } from 'antd';
import { useT } from '../lib/locale.ts';

/** what every all-or-nothing Excel import answers (members, work plans): the same shape as MemberImportDto */
export type ImportOutcome = Pick<MemberImportDto, 'ok' | 'imported' | 'totalRows' | 'errors'>;
type RowError = ImportOutcome['errors'][number];

/** Either how many were imported (successBody says it), or each problem by row and column and that nothing was imported. */
export function ImportResult({ result, successBody, onAgain, onDone }: { result: ImportOutcome; successBody: string; onAgain(): void; onDone(): void }) {
  const t = useT();
  if (result.ok) {
    return (
      <Result
        status="success"
        title={t('import.success')}
        subTitle={successBody}
        extra={
          <Button type="primary" onClick={onDone}>
            {t('import.done')}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <Result
        status="error"
        title={t('import.failed')}
        subTitle={t('import.failedBody', { rows: result.totalRows, errors: result.errors.length })}
        style={{ padding: '8px 0 16px' }}
        extra={[
          <Button key="again" type="primary" onClick={onAgain}>
            {t('import.again')}
          </Button>,
          <Button key="close" onClick={onDone}>
            {t('common.close')}
          </Button>,
        ]}
      />
      <Table<RowError>
        rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
        dataSource={result.errors}
        size="small"
        bordered
        pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        // the problem wraps inside the dialog: a long message (有多个组织同名…) must not push it sideways on a phone
        tableLayout="fixed"
        data-testid="import-errors"
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 64, align: 'right', render: (row: number) => (row > 0 ? row : '—') },
          { title: t('import.column'), dataIndex: 'column', width: 96 },
          { title: t('import.problem'), dataIndex: 'message', render: (m: string) => <span style={{ overflowWrap: 'anywhere' }}>{m}</span> },
        ]}
      />
    </>
  );
}
