import { useIsFetching } from '@tanstack/react-query';
import type { MemberDto } from '@uc/contracts';
import { Card, Empty, Flex, Grid, Pagination, Spin, Table, Typography } from 'antd';
import { useTenant } from '../../../../../../components/session.ts';
import { formatDate } from '../../../../../../lib/dates.ts';
import { useLocale, useT } from '../../../../../../lib/locale.ts';
import { HonourTags } from './HonourTags.tsx';

interface Props {
  list: { items: MemberDto[]; total: number; page: number; pageSize: number };
  pageSizes: readonly number[];
  onPage(page: number, pageSize: number): void;
  onOpen(member: MemberDto): void;
}

/** The page of members: a table on a desktop, cards on a phone. */
export function MemberList({ list, pageSizes, onPage, onOpen }: Props) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { md } = Grid.useBreakpoint();
  const loading = useIsFetching({ queryKey: api.member.list.pathKey() }) > 0;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<EmptyText />} />;
  const pagination = {
    current: list.page,
    pageSize: list.pageSize,
    total: list.total,
    showSizeChanger: true,
    pageSizeOptions: pageSizes.map(String),
    showTotal: (total: number) => t('common.total', { total }),
    onChange: onPage,
  };

  if (md === false) {
    return (
      <Spin spinning={loading}>
        {list.items.length === 0 && empty}
        {list.items.map((m) => (
          <MemberCard key={m.id} member={m} onOpen={onOpen} />
        ))}
        {list.total > list.pageSize && (
          <Pagination {...pagination} simple showSizeChanger={false} align="center" style={{ marginTop: 12 }} />
        )}
      </Spin>
    );
  }

  return (
    <Table<MemberDto>
      rowKey="id"
      dataSource={list.items}
      loading={loading}
      locale={{ emptyText: empty }}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={(m) => ({ onClick: () => onOpen(m), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('members.name'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
        { title: t('members.gender'), dataIndex: 'gender', render: (g: MemberDto['gender']) => (g ? t(`gender.${g}`) : '—') },
        { title: t('members.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
        { title: t('members.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span> },
        { title: t('members.orgUnit'), dataIndex: 'orgUnitName' },
        { title: t('members.honours'), key: 'honours', render: (_, m) => <HonourTags honours={m.honours} /> },
        { title: t('members.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale) },
      ]}
    />
  );
}

function EmptyText() {
  const t = useT();
  return (
    <>
      <div>{t('members.empty')}</div>
      <Typography.Text type="secondary">{t('members.emptyHint')}</Typography.Text>
    </>
  );
}

function MemberCard({ member: m, onOpen }: { member: MemberDto; onOpen(member: MemberDto): void }) {
  return (
    <Card size="small" hoverable onClick={() => onOpen(m)} style={{ marginBottom: 8 }} data-testid="member-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {m.name}
        </Typography.Text>
        <span>
          <HonourTags honours={m.honours} />
        </span>
      </Flex>
      <div style={{ color: '#595959', marginTop: 4 }}>{m.orgUnitName}</div>
      <Flex gap={16} wrap style={{ color: '#8c8c8c', fontSize: 13, marginTop: 4 }}>
        <span>{m.mobile ?? '—'}</span>
        <span>{m.idNumberMasked}</span>
      </Flex>
    </Card>
  );
}
