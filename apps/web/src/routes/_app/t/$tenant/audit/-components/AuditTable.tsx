import type { AuditEventDto } from '@uc/contracts';
import { Empty, Table, Tag, Typography } from 'antd';
import { auditEntityLabel, auditSummary, auditTypeLabel } from '@/components/auditText.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { Person } from '@/components/Person.tsx';

const TYPE_COLOR: Record<string, string> = { auth: 'default', staff: 'gold', org_unit: 'blue', member: 'red', agreement: 'purple', federation: 'default' };

export function AuditTable({ events, loading }: { events: AuditEventDto[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<AuditEventDto>
      rowKey="seq"
      dataSource={events}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
      columns={[
        { title: t('audit.seq'), dataIndex: 'seq', align: 'right', width: 72 },
        { title: t('audit.at'), dataIndex: 'at', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span> },
        {
          title: t('audit.actor'),
          key: 'actor',
          render: (_, e) => (
            <>
              <div>
                <Person value={e.actor} />
              </div>
              {e.ip && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.ip}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('audit.event'),
          dataIndex: 'type',
          render: (type: string) => <Tag color={TYPE_COLOR[type.split('.')[0] ?? ''] ?? 'default'}>{auditTypeLabel(t, type)}</Tag>,
        },
        { title: t('audit.entity'), dataIndex: 'entityType', render: (v: string) => auditEntityLabel(t, v) },
        {
          title: t('audit.details'),
          key: 'details',
          render: (_, e) => <span style={{ display: 'inline-block', maxWidth: 360, wordBreak: 'break-all' }}>{auditSummary(t, e.data)}</span>,
        },
      ]}
    />
  );
}
