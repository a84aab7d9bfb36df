import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { ReferralDto } from '@uc/contracts';
import { Button, Card, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { StaffList } from '@/components/StaffList.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi, tenantClient } from '@/lib/trpc.ts';
import { NewCaseModal } from './-components/NewCaseModal.tsx';
import { RightsBoard } from './-components/RightsBoard.tsx';
import { ServiceLevels } from './-components/ServiceLevels.tsx';
import { ClockSummary, ReferralStatusTag } from './-components/rightsUi.tsx';
import { type Search, params, optionalEnum } from '@/lib/search.ts';

const TABS = ['received', 'referred', 'cases', 'board', 'levels'] as const;
const searchSchema = (s: Search) => params({ tab: optionalEnum(s.tab, TABS) });

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
        onChange={(key) => void navigate({ search: { tab: key as (typeof TABS)[number] } })}
        items={TABS.map((k) => ({ key: k, label: t(`rights.tab.${k}`) }))}
      />
      {tab === 'cases' ? (
        <CasesTable />
      ) : tab === 'levels' ? (
        <ServiceLevels />
      ) : tab === 'board' ? (
        <RightsBoard />
      ) : (
        <Card size="small">
          <StaffList<ReferralDto>
            rows={rows}
            rowKey={(r) => r.id}
            pageSize={20}
            empty={t('rights.empty')}
            testId="referral-row"
            columns={[
              {
                key: 'kind',
                title: t('rights.col.kind'),
                primary: true,
                render: (r) => (
                  <Link to="/t/$tenant/rights/$referralId" params={{ tenant: slug, referralId: r.id }}>
                    {t(`rights.kind.${r.disputeKind}`)}
                  </Link>
                ),
              },
              { key: 'partner', title: t('rights.col.partner'), render: (r) => partnerName(r) },
              { key: 'status', title: t('rights.col.status'), render: (r) => <ReferralStatusTag status={r.status} t={t} /> },
              { key: 'clock', title: t('rights.col.clock'), render: (r) => <ClockSummary clocks={r.clocks} hourClocks={r.hourClocks} t={t} /> },
              { key: 'updated', title: t('rights.col.updated'), render: (r) => formatDateTime(r.updatedAt) },
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
      <StaffList
        rows={cases}
        rowKey={(c) => c.id}
        pageSize={20}
        testId="case-row"
        columns={[
          { key: 'worker', title: t('rights.col.worker'), primary: true, render: (c) => c.workerName },
          { key: 'employer', title: t('rights.col.employer'), render: (c) => c.employerName },
          { key: 'kind', title: t('rights.col.kind'), render: (c) => t(`rights.kind.${c.disputeKind}`) },
          { key: 'source', title: t('rights.col.source'), render: (c) => t(`rights.source.${c.source}`) },
          { key: 'status', title: t('rights.col.status'), render: (c) => (c.referralStatus ? <ReferralStatusTag status={c.referralStatus} t={t} /> : <Tag>{t('rights.status.none')}</Tag>) },
          { key: 'created', title: t('rights.col.created'), render: (c) => formatDateTime(c.createdAt) },
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
