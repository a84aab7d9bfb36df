import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { AgreementActivity } from './-components/AgreementActivity.tsx';
import { BoardView } from './-components/BoardView.tsx';
import { CreateItemModal } from './-components/CreateItemModal.tsx';
import { ExcelButtons } from './-components/ExcelButtons.tsx';
import { TimelineView } from './-components/TimelineView.tsx';
import { type Search, params, optionalEnum } from '@/lib/search.ts';

const TABS = ['board', 'timeline', 'activity'] as const;
const searchSchema = (s: Search) => params({ tab: optionalEnum(s.tab, TABS) });

export const Route = createFileRoute('/_app/t/$tenant/items/board/$agreementId/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).jointItem.board.queryOptions({ agreementId: params.agreementId })),
  component: BoardPage,
});

/** An agreement's work plan: items by kind × status, a timeline of items and milestones, the activity, Excel in and out. */
function BoardPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const { agreementId } = Route.useParams();
  const { tab } = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: board } = useSuspenseQuery(api.jointItem.board.queryOptions({ agreementId }));
  const { agreement, permissions } = board;
  const [creating, setCreating] = useState(false);
  // the API decides (a lead or admin of a party, the agreement in force) and refuses the rest anyway
  const writer = permissions.canWrite;

  return (
    <>
      <PageHeader
        title={t('items.board.title')}
        subtitle={agreement.title}
        extra={
          <>
            {writer && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('items.board.create')}
              </Button>
            )}
            <ExcelButtons agreementId={agreementId} canImport={writer} />
            <Link to="/t/$tenant/dashboard" params={{ tenant: slug }} search={{ agreementId }}>
              <Button icon={<BarChartOutlined />}>{t('items.board.dashboard')}</Button>
            </Link>
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab ?? 'board'}
          onChange={(key) => void navigate({ search: { tab: key === 'board' ? undefined : (key as (typeof TABS)[number]) }, replace: true })}
          items={[
            { key: 'board', label: t('items.board.tabBoard'), children: <BoardView board={board} /> },
            { key: 'timeline', label: t('items.board.tabTimeline'), children: <TimelineView agreementId={agreementId} /> },
            { key: 'activity', label: t('items.board.tabActivity'), children: <AgreementActivity agreementId={agreementId} /> },
          ]}
          destroyOnHidden
        />
      </Card>
      {creating && <CreateItemModal agreement={agreement} onClose={() => setCreating(false)} />}
    </>
  );
}
