import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Card, Empty, List, Select, Space, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { CooperationSections } from '../agreements/$agreementId/-components/CooperationSections.tsx';
import { type Search, params, optionalInt } from '@/lib/search.ts';

const thisYear = () => new Date().getFullYear();

/** The federation's year across every agreement in force: each commons' figures summed, each agreement one click away. */
export const Route = createFileRoute('/_app/t/$tenant/cooperation/')({
  validateSearch: (s: Search) => params({ year: optionalInt(s.year, { min: 2000, max: 2100 }) }),
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loaderDeps: ({ search }) => ({ year: search.year ?? thisYear() }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).cooperation.federationReport.queryOptions(deps)),
  component: FederationCooperationPage,
});

function FederationCooperationPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const year = Route.useSearch().year ?? thisYear();
  const navigate = Route.useNavigate();
  const { data } = useSuspenseQuery(api.cooperation.federationReport.queryOptions({ year }));
  // summed over agreements: per-direction figures and highlights belong to each agreement's own overview
  const sections = data.sections.map((s) => ({ ...s, directions: [], highlights: [], attention: [] }));

  return (
    <>
      <PageHeader
        title={t('cooperation.federation.title', { year })}
        subtitle={t('cooperation.federation.subtitle')}
        extra={
          <Select
            aria-label={t('cooperation.year')}
            value={year}
            style={{ width: 96 }}
            options={[thisYear() - 2, thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: y, label: String(y) }))}
            onChange={(y: number) => void navigate({ search: { year: y === thisYear() ? undefined : y } })}
          />
        }
      />
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={t('cooperation.federation.agreements', { n: data.agreements.length })} data-testid="coop-federation-agreements">
          {data.agreements.length === 0 ? (
            <Empty description={t('cooperation.federation.none')} />
          ) : (
            <List
              size="small"
              dataSource={data.agreements}
              renderItem={(a) => (
                <List.Item>
                  <Link to="/t/$tenant/agreements/$agreementId/cooperation" params={{ tenant: slug, agreementId: a.id }} search={{ year }}>
                    {a.title}
                  </Link>
                  <Typography.Text type="secondary" data-testid="agreement-number">
                    {a.number}
                  </Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Card>
        <CooperationSections sections={sections} partyName={(s) => s} />
      </Space>
    </>
  );
}
