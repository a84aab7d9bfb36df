import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Button, Card, Flex, Space, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { PageHeader } from '@/components/PageHeader.tsx';
import { allItemsExportUrl } from '@/lib/downloads.ts';
import { useTenant } from '@/components/session.ts';
import { byAttention } from '@/features/items/attention.ts';
import { todayInChina } from '@/features/items/dates.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BoardLinks } from './-components/BoardLinks.tsx';
import { MyItemsList } from './-components/MyItemsList.tsx';
import { type Search, params, optionalBoolean } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({
  /** also list done and cancelled items */
  closed: optionalBoolean(s.closed),
});

const listInput = (closed: boolean | undefined) => ({ includeClosed: closed ?? false });

export const Route = createFileRoute('/_app/t/$tenant/items/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loaderDeps: ({ search }) => listInput(search.closed),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).jointItem.myItems.queryOptions(deps)),
  component: MyItemsPage,
});

/** "我的项目": every item the reader's side answers for, across agreements, what needs attention first. */
function MyItemsPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data } = useSuspenseQuery(api.jointItem.myItems.queryOptions(listInput(search.closed)));
  const today = todayInChina();
  const items = useMemo(() => byAttention(data, today), [data, today]);

  return (
    <>
      <PageHeader title={t('items.title')} subtitle={t('items.subtitle')} extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={allItemsExportUrl(slug)} data-testid="items-export-all">
              {t('items.exportAll')}
            </Button>
            <BoardLinks />
          </Space>
        }
      />
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('items.count', { count: items.length })}</Typography.Text>
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Switch size="small" checked={search.closed ?? false} onChange={(on) => void navigate({ search: { closed: on || undefined } })} />
            {t('items.includeClosed')}
          </label>
        </Flex>
        <MyItemsList items={items} today={today} />
      </Card>
    </>
  );
}
