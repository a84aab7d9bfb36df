import type { MemberImportDto } from '@uc/contracts';
import { Button, Result, Table } from 'antd';
import { useT } from '../../../../../../lib/locale.ts';

type RowError = MemberImportDto['errors'][number];

/** Either how many were imported, or each problem by row and column and that nothing was imported. */
export function ImportResult({ result, onAgain, onDone }: { result: MemberImportDto; onAgain(): void; onDone(): void }) {
  const t = useT();
  if (result.ok) {
    return (
      <Result
        status="success"
        title={t('import.success')}
        subTitle={t('import.successBody', { count: result.imported })}
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
        scroll={{ x: 'max-content' }}
        data-testid="import-errors"
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 72, align: 'right' },
          { title: t('import.column'), dataIndex: 'column', width: 140 },
          { title: t('import.problem'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}
