import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Card, Empty, Flex, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { ReferralStatusTag } from './-components/rightsUi.tsx';

export const Route = createFileRoute('/_app/t/$tenant/rights/mine')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).rightsCase.mine.queryOptions()),
  component: MyCasesPage,
});

/** The worker's own cases on their phone: where each stands, with which federation; no notes, no file. */
function MyCasesPage() {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { data: cases } = useSuspenseQuery(api.rightsCase.mine.queryOptions());
  return (
    <>
      <PageHeader title={t('rights.mine.title')} subtitle={t('rights.mine.subtitle')} />
      {cases.length === 0 && <Empty description={t('rights.mine.empty')} />}
      <Flex vertical gap={12}>
        {cases.map((c) => (
          <Card key={c.id} size="small">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>{`${t(`rights.kind.${c.disputeKind}`)} · ${c.employerName}`}</Typography.Text>
              {c.status ? <ReferralStatusTag status={c.status} t={t} /> : <Typography.Text type="secondary">{t('rights.status.none')}</Typography.Text>}
            </Flex>
            {c.partner && <div>{t('rights.mine.partner', { name: locale === 'en' ? c.partner.nameEn : c.partner.nameZh })}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('rights.mine.updated', { at: formatDateTime(c.updatedAt) })}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </>
  );
}
