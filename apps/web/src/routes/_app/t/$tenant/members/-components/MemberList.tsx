import { useIsFetching } from '@tanstack/react-query';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { MemberDto, MemberListDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Grid, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { HonourTags } from './HonourTags.tsx';
import { SmsInviteBar } from './SmsInviteBar.tsx';

interface Props {
  list: MemberListDto;
  pageSizes: readonly number[];
  /** a keyset page: after or before a cursor of this page; neither, the first page */
  onPage(at: { after?: string; before?: string }): void;
  onPageSize(pageSize: number): void;
  onOpen(member: MemberDto): void;
  /** the caller may text members an invitation to activate (member.inviteBySms) */
  canInvite: boolean;
}

/** The page of members: a table on a desktop, cards on a phone; first / previous / next paging. */
export function MemberList({ list, pageSizes, onPage, onPageSize, onOpen, canInvite }: Props) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { md } = Grid.useBreakpoint();
  const loading = useIsFetching({ queryKey: api.member.list.pathKey() }) > 0;
  const [chosen, setChosen] = useState<string[]>([]);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<EmptyText />} />;
  const total = list.total.toLocaleString(locale);
  const pager = (compact: boolean) => (
    <Flex justify={compact ? 'center' : 'flex-end'} align="center" gap={8} wrap style={{ marginTop: 12 }} data-testid="member-pager">
      {!compact && (
        <Typography.Text type="secondary" data-testid="member-total">
          {list.totalCapped ? t('members.totalCapped', { total }) : t('members.total', { total })}
        </Typography.Text>
      )}
      <Space.Compact>
        {!compact && (
          <Button disabled={!list.prev} onClick={() => onPage({})}>
            {t('members.firstPage')}
          </Button>
        )}
        <Button icon={<LeftOutlined />} disabled={!list.prev} onClick={() => list.prev && onPage({ before: list.prev })}>
          {t('members.prevPage')}
        </Button>
        <Button disabled={!list.next} onClick={() => list.next && onPage({ after: list.next })}>
          {t('members.nextPage')} <RightOutlined />
        </Button>
      </Space.Compact>
      {!compact && (
        <Select
          value={list.pageSize}
          style={{ width: 110 }}
          onChange={onPageSize}
          options={pageSizes.map((size) => ({ value: size, label: t('members.pageSize', { size }) }))}
        />
      )}
    </Flex>
  );

  if (md === false) {
    return (
      <Spin spinning={loading}>
        <Typography.Text type="secondary" data-testid="member-total">
          {list.totalCapped ? t('members.totalCapped', { total }) : t('members.total', { total })}
        </Typography.Text>
        {list.items.length === 0 && empty}
        {list.items.map((m) => (
          <MemberCard key={m.id} member={m} onOpen={onOpen} />
        ))}
        {(list.next || list.prev) && pager(true)}
      </Spin>
    );
  }

  return (
    <>
    {chosen.length > 0 && <SmsInviteBar key={chosen.join()} memberIds={chosen} onDone={() => setChosen([])} />}
    <Table<MemberDto>
      rowKey="id"
      dataSource={list.items}
      rowSelection={
        canInvite
          ? {
              selectedRowKeys: chosen,
              onChange: (keys) => setChosen(keys as string[]),
              // only members an invitation can reach: no account yet, a mobile on record
              getCheckboxProps: (m) => ({ disabled: m.hasAccount || !m.mobile }),
              // chosen on earlier pages stay chosen
              preserveSelectedRowKeys: true,
            }
          : undefined
      }
      loading={loading}
      locale={{ emptyText: empty }}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(m) => ({ onClick: () => onOpen(m), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('members.name'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
        { title: t('members.gender'), dataIndex: 'gender', render: (g: MemberDto['gender']) => (g ? t(`gender.${g}`) : '—') },
        { title: t('members.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
        { title: t('members.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span> },
        { title: t('members.orgUnit'), dataIndex: 'orgUnitName' },
        { title: t('members.account'), dataIndex: 'hasAccount', render: (v: boolean) => <AccountTag active={v} /> },
        { title: t('members.honours'), key: 'honours', render: (_, m) => <HonourTags honours={m.honours} /> },
        { title: t('members.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, locale) },
      ]}
    />
    {pager(false)}
    </>
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
          <AccountTag active={m.hasAccount} />
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

function AccountTag({ active }: { active: boolean }) {
  const t = useT();
  return <Tag color={active ? 'green' : 'default'}>{t(active ? 'members.account.active' : 'members.account.none')}</Tag>;
}
