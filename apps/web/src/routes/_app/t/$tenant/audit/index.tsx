import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { auditExportUrl } from '@/lib/downloads.ts';
import { useT } from '@/lib/locale.ts';
import { AuditFilters } from './-components/AuditFilters.tsx';
import { auditPages } from './-components/auditPages.ts';
import { AuditTable } from './-components/AuditTable.tsx';
import { VerifyChain } from './-components/VerifyChain.tsx';
import { type Search, params, optionalString, optionalDate } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({
  type: optionalString(s.type, { max: 64 }),
  from: optionalDate(s.from),
  to: optionalDate(s.to),
});
export type AuditSearch = Partial<ReturnType<typeof searchSchema>>;

export const Route = createFileRoute('/_app/t/$tenant/audit/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.readAudit(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => context.queryClient.ensureInfiniteQueryData(auditPages(params.tenant, deps)),
  component: AuditPage,
});

function AuditPage() {
  const t = useT();
  const { slug } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const pages = useSuspenseInfiniteQuery(auditPages(slug, search));
  const events = pages.data.pages.flatMap((p) => p.items);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={auditExportUrl(slug, search)} title={t('audit.exportHint', { max: 20000 })} data-testid="audit-export">
              {t('audit.export')}
            </Button>
            <VerifyChain />
          </Space>
        }
      />
      <Card>
        <AuditFilters search={search} onChange={(next) => void navigate({ search: next })} />
        <AuditTable events={events} loading={pages.isFetching && !pages.isFetchingNextPage} />
        <Flex justify="center" style={{ marginTop: 16 }}>
          {pages.hasNextPage ? (
            <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
              {t('audit.loadMore')}
            </Button>
          ) : (
            events.length > 0 && <Typography.Text type="secondary">{t('audit.allLoaded', { count: events.length })}</Typography.Text>
          )}
        </Flex>
      </Card>
    </>
  );
}
