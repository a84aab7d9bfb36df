import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { ReferralDto } from '@uc/contracts';
import { Button, Card, Empty, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../../../components/PageHeader.tsx';
import { useTenant } from '../../../../../components/session.ts';
import { access } from '../../../../../lib/access.ts';
import { formatDateTime } from '../../../../../lib/dates.ts';
import { useLocale, useT } from '../../../../../lib/locale.ts';
import { tenantApi, tenantClient } from '../../../../../lib/trpc.ts';
import { NewCaseModal } from './-components/NewCaseModal.tsx';
import { ClockSummary, ReferralStatusTag } from './-components/rightsUi.tsx';
import { type Search, params, optionalEnum } from '../../../../../lib/search.ts';

const searchSchema = (s: Search) => params({ tab: optionalEnum(s.tab, ['received', 'referred', 'cases']) });

export const Route = createFileRoute('/_app/t/$tenant/rights/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.rights(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).referral.list.queryOptions({ side: 'all' })),
  component: RightsPage,
});

/** The caseworker's desk: referrals received and sent, our own cases, and recording a new case. */
function RightsPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const tab = Route.useSearch().tab ?? 'received';
  const navigate = Route.useNavigate();
  const [creating, setCreating] = useState(false);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const { data: referrals } = useSuspenseQuery(api.referral.list.queryOptions({ side: 'all' }));
  const rows = referrals.filter((r) => r.side === tab);
  const partnerName = (r: ReferralDto) => {
    const p = r.side === 'referred' ? r.performer : r.referrer;
    return locale === 'en' ? p.nameEn : p.nameZh;
  };

  return (
    <>
      <PageHeader
        title={t('rights.title')}
        subtitle={t('rights.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadLedger(slug, year)}>
              {t('rights.ledger', { year })}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('rights.newCase')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate({ search: { tab: key as 'received' | 'referred' | 'cases' } })}
        items={(['received', 'referred', 'cases'] as const).map((k) => ({ key: k, label: t(`rights.tab.${k}`) }))}
      />
      {tab === 'cases' ? (
        <CasesTable />
      ) : (
        <Card size="small">
          <Table<ReferralDto>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
            locale={{ emptyText: <Empty description={t('rights.empty')} /> }}
            columns={[
              {
                title: t('rights.col.kind'),
                key: 'kind',
                render: (_, r) => (
                  <Link to="/t/$tenant/rights/$referralId" params={{ tenant: slug, referralId: r.id }}>
                    {t(`rights.kind.${r.disputeKind}`)}
                  </Link>
                ),
              },
              { title: t('rights.col.partner'), key: 'partner', render: (_, r) => partnerName(r) },
              { title: t('rights.col.status'), key: 'status', render: (_, r) => <ReferralStatusTag status={r.status} t={t} /> },
              { title: t('rights.col.clock'), key: 'clock', render: (_, r) => <ClockSummary clocks={r.clocks} t={t} /> },
              { title: t('rights.col.updated'), key: 'updated', render: (_, r) => formatDateTime(r.updatedAt) },
            ]}
          />
        </Card>
      )}
      {creating && <NewCaseModal onClose={() => setCreating(false)} onDone={(id) => void navigate({ to: '/t/$tenant/rights/$referralId', params: { tenant: slug, referralId: id } })} />}
    </>
  );
}

function CasesTable() {
  const t = useT();
  const { api } = useTenant();
  const { data: cases } = useSuspenseQuery(api.rightsCase.list.queryOptions());
  return (
    <Card size="small">
      <Table
        rowKey="id"
        size="middle"
        dataSource={cases}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('rights.col.worker'), dataIndex: 'workerName' },
          { title: t('rights.col.employer'), dataIndex: 'employerName' },
          { title: t('rights.col.kind'), key: 'kind', render: (_, c) => t(`rights.kind.${c.disputeKind}`) },
          { title: t('rights.col.source'), key: 'source', render: (_, c) => t(`rights.source.${c.source}`) },
          { title: t('rights.col.status'), key: 'status', render: (_, c) => (c.referralStatus ? <ReferralStatusTag status={c.referralStatus} t={t} /> : <Tag>{t('rights.status.none')}</Tag>) },
          { title: t('rights.col.created'), key: 'created', render: (_, c) => formatDateTime(c.createdAt) },
        ]}
      />
    </Card>
  );
}

/** The year's ledger (.xlsx) from the API, saved by the browser. */
async function downloadLedger(slug: string, year: number) {
  const file = await tenantClient(slug).referral.ledger.query({ year });
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  URL.revokeObjectURL(url);
}
