import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { Card, Descriptions, Select, Space, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { AttentionList, CooperationSections } from './-components/CooperationSections.tsx';
import { ReportPanel } from './-components/ReportPanel.tsx';
import { type Search, params, optionalInt } from '@/lib/search.ts';

const thisYear = () => new Date().getFullYear();

/** The agreement's cooperation in a year: every commons side by side, what needs attention, and the annual report. */
export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/cooperation')({
  validateSearch: (s: Search) => params({ year: optionalInt(s.year, { min: 2000, max: 2100 }) }),
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loaderDeps: ({ search }) => ({ year: search.year ?? thisYear() }),
  loader: ({ context, params, deps }) => {
    const api = tenantApi(params.tenant).cooperation;
    const input = { agreementId: params.agreementId, year: deps.year };
    return Promise.all([context.queryClient.ensureQueryData(api.overview.queryOptions(input)), context.queryClient.ensureQueryData(api.report.get.queryOptions(input))]);
  },
  component: CooperationPage,
});

function CooperationPage() {
  const t = useT();
  const locale = useLocale();
  const { agreementId } = Route.useParams();
  const year = Route.useSearch().year ?? thisYear();
  const navigate = useNavigate({ from: Route.fullPath });
  const { api, slug } = useTenant();
  const input = { agreementId, year };
  const { data: overview } = useSuspenseQuery(api.cooperation.overview.queryOptions(input));
  const { data: report } = useSuspenseQuery(api.cooperation.report.get.queryOptions(input));
  const a = overview.agreement;
  const partyName = (s: string) => {
    const p = a.parties.find((x) => x.slug === s);
    return p ? localName(locale, p) : s;
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label={t('cooperation.term')}>{`${a.termStart ?? ''} ~ ${a.termEnd ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('cooperation.status')}>{t(`agreementStatus.${a.status}` as 'agreementStatus.declined')}</Descriptions.Item>
          <Descriptions.Item label={t('cooperation.year')}>
            <Select
              aria-label={t('cooperation.year')}
              size="small"
              value={year}
              style={{ width: 96 }}
              options={[thisYear() - 2, thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: y, label: String(y) }))}
              onChange={(y) => void navigate({ search: { year: y } })}
            />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <AttentionList sections={overview.sections} slug={slug} />
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {t('cooperation.commons')}
      </Typography.Title>
      <CooperationSections sections={overview.sections} partyName={partyName} />
      <ReportPanel report={report} partyName={partyName} />
    </Space>
  );
}
