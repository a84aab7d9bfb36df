import { DownloadOutlined, FundOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Button, Flex, Row, Segmented, Select, Spin } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { PanelCard } from '@/features/items/dashboard/PanelCard.tsx';
import { access } from '@/lib/access.ts';
import { dashboardExportUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { type Search, params, optionalUuid, optionalInt } from '@/lib/search.ts';

const WEEKS = [12, 26, 52] as const;
const searchSchema = (s: Search) => params({
  /** one agreement; without it, every agreement of the federation */
  agreementId: optionalUuid(s.agreementId),
  weeks: optionalInt(s.weeks, { oneOf: WEEKS }),
});
type DashboardSearch = Partial<ReturnType<typeof searchSchema>>;

const panelsInput = ({ agreementId, weeks }: DashboardSearch) =>
  agreementId ? { scope: 'agreement' as const, agreementId, weeks: weeks ?? 12 } : { scope: 'federation' as const, weeks: weeks ?? 12 };

export const Route = createFileRoute('/_app/t/$tenant/dashboard/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loaderDeps: ({ search }) => panelsInput(search),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).dashboard.panels.queryOptions(deps)),
  component: DashboardPage,
});

/** Charts a union leader reads at a glance, for the whole federation or one agreement; each module adds its panels. */
function DashboardPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data, isFetching } = useSuspenseQuery(api.dashboard.panels.queryOptions(panelsInput(search)));
  const agreements = useQuery(api.agreement.list.queryOptions());
  const choices = (agreements.data ?? []).filter((a) => a.status === 'active' || a.status === 'expired' || a.status === 'terminated');
  const setSearch = (patch: Partial<DashboardSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Flex wrap gap={8}>
            <Button icon={<DownloadOutlined />} href={dashboardExportUrl(slug, search)} data-testid="dashboard-export">
              {t('dashboard.export')}
            </Button>
            <Link to="/t/$tenant/cooperation" params={{ tenant: slug }} data-testid="dashboard-cooperation">
              <Button icon={<FundOutlined />}>{t('cooperation.federation.open')}</Button>
            </Link>
            {search.agreementId && (
              <Link to="/t/$tenant/items/board/$agreementId" params={{ tenant: slug, agreementId: search.agreementId }}>
                <Button icon={<UnorderedListOutlined />}>{t('dashboard.openBoard')}</Button>
              </Link>
            )}
          </Flex>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('dashboard.agreement')}
          value={search.agreementId ?? ''}
          onChange={(id: string) => setSearch({ agreementId: id || undefined })}
          loading={agreements.isLoading}
          style={{ flex: '1 1 260px', maxWidth: 480, minWidth: 0 }}
          data-testid="dashboard-scope"
          options={[{ value: '', label: t('dashboard.scope.federation') }, ...choices.map((a) => ({ value: a.id, label: a.title }))]}
        />
        <Segmented
          value={search.weeks ?? 12}
          onChange={(w) => setSearch({ weeks: w === 12 ? undefined : w })}
          options={WEEKS.map((w) => ({ value: w, label: t('dashboard.weeks', { weeks: w }) }))}
        />
        {isFetching && <Spin size="small" />}
      </Flex>
      <Row gutter={[16, 16]}>
        {data.panels.map((p) => (
          <PanelCard key={p.key} panel={p} />
        ))}
      </Row>
    </>
  );
}
