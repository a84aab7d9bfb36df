import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { QuotaDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Progress, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { chinaYear } from '@/features/recuperation/tripDates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { AllocationsPanel } from './-components/AllocationsPanel.tsx';
import { type Search, params, optionalInt } from '@/lib/search.ts';

const thisYear = () => chinaYear(new Date());

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/quotas')({
  validateSearch: (s: Search) => params({ year: optionalInt(s.year, { min: 2000, max: 2100 }) }),
  loaderDeps: ({ search }) => ({ year: search.year ?? thisYear() }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.quota.list.queryOptions(deps)),
  component: QuotasPage,
});

/** 名额台账: per agreement and year, the places each side granted the other, how they were shared out and used. */
function QuotasPage() {
  const t = useT();
  const { api } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const year = search.year ?? thisYear();
  const { data: quotas } = useSuspenseQuery(api.recuperation.quota.list.queryOptions({ year }));
  const agreements = [...new Map(quotas.map((q) => [q.agreementId, q.agreementTitle])).entries()];

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <span>{t('recuperation.quota.year')}</span>
        <Select
          value={year}
          onChange={(y: number) => void navigate({ search: { year: y } })}
          options={[thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: y, label: t('recuperation.quota.yearN', { year: y }) }))}
          style={{ width: 120 }}
          aria-label={t('recuperation.quota.year')}
        />
      </Flex>
      {agreements.length === 0 && (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recuperation.quota.empty')} />
        </Card>
      )}
      {agreements.map(([id, title]) => (
        <AgreementLedger key={id} title={title} rows={quotas.filter((q) => q.agreementId === id)} />
      ))}
    </Flex>
  );
}

function AgreementLedger({ title, rows }: { title: string; rows: QuotaDto[] }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState<QuotaDto | null>(null);
  return (
    <Card size="small" title={title} data-testid="quota-ledger">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="quota-help">
        {t('recuperation.quota.help')}
      </Typography.Paragraph>
      <Table<QuotaDto>
        rowKey={(q) => `${q.host.slug}>${q.receiver.slug}`}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('recuperation.quota.flow'),
            key: 'flow',
            render: (_, q) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {localName(locale, q.host)} → {localName(locale, q.receiver)}
                <Tag color={q.direction === 'granted_to_us' ? 'blue' : 'purple'} style={{ marginInlineStart: 6 }}>
                  {t(`recuperation.quota.${q.direction}`)}
                </Tag>
              </span>
            ),
          },
          {
            title: t('recuperation.quota.granted'),
            dataIndex: 'granted',
            align: 'right',
            // an amendment lowered the figure below what was already used or handed down: say why the line keeps more
            render: (granted: number, q) =>
              q.agreed < granted ? (
                <Tooltip title={t('recuperation.quota.aboveAgreed', { agreed: q.agreed, granted })}>
                  <span data-testid="quota-above-agreed">
                    {granted} <Typography.Text type="warning">({t('recuperation.quota.agreedNow', { agreed: q.agreed })})</Typography.Text>
                  </span>
                </Tooltip>
              ) : (
                granted
              ),
          },
          { title: t('recuperation.quota.allocated'), dataIndex: 'allocated', align: 'right' },
          { title: t('recuperation.quota.used'), dataIndex: 'used', align: 'right' },
          { title: t('recuperation.quota.released'), dataIndex: 'released', align: 'right' },
          { title: t('recuperation.quota.available'), dataIndex: 'available', align: 'right' },
          {
            title: t('recuperation.quota.usage'),
            key: 'usage',
            render: (_, q) => <Progress percent={q.granted ? Math.round((q.used / q.granted) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} />,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, q) =>
              q.direction === 'granted_to_us' && (
                <Button size="small" onClick={() => setOpen(open === q ? null : q)}>
                  {t('recuperation.quota.allocate')}
                </Button>
              ),
          },
        ]}
      />
      {open && <AllocationsPanel quota={open} />}
    </Card>
  );
}
