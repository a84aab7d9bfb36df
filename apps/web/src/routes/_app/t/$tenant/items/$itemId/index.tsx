import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Alert, Button, Col, Row } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { HealthTag, KindTag, PhaseTag, StatusTag } from '@/features/items/ItemTags.tsx';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { ActivityCard } from './-components/ActivityCard.tsx';
import { AttachmentsCard } from './-components/AttachmentsCard.tsx';
import { CoreCard } from './-components/CoreCard.tsx';
import { CoreEditModal } from './-components/CoreEditModal.tsx';
import { MilestonesCard } from './-components/MilestonesCard.tsx';
import { ProgressCard } from './-components/ProgressCard.tsx';
import { SidesCard } from './-components/SidesCard.tsx';
import { StatusModal } from './-components/StatusModal.tsx';
import { UpdatesCard } from './-components/UpdatesCard.tsx';

export const Route = createFileRoute('/_app/t/$tenant/items/$itemId/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).jointItem.page.queryOptions({ id: params.itemId })),
  component: ItemPage,
});

/** One joint item: its details and both sides, milestones with both confirmations, progress updates, attachments, activity. */
function ItemPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const { itemId } = Route.useParams();
  const query = useSuspenseQuery(api.jointItem.page.queryOptions({ id: itemId }));
  const page = query.data;
  const { item, permissions } = page;
  const [dialog, setDialog] = useState<'core' | 'status' | null>(null);
  const reload = async () => (await query.refetch()).data;

  return (
    <>
      <PageHeader
        title={<span data-testid="item-title">{item.title}</span>}
        subtitle={
          <Link to="/t/$tenant/items/board/$agreementId" params={{ tenant: slug, agreementId: item.agreementId }} data-testid="item-agreement-link">
            {page.agreement.title}
          </Link>
        }
        extra={
          permissions.canEditCore && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setDialog('core')}>
                {t('items.editCore')}
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('status')}>
                {t('items.changeStatus')}
              </Button>
            </>
          )
        }
      />
      <div style={{ marginTop: -8, marginBottom: 16 }}>
        <KindTag kind={item.kind} />
        <StatusTag status={item.status} />
        <HealthTag health={item.health} />
        <PhaseTag phase={item.phase} />
      </div>
      {!permissions.canWrite && <Alert type="info" showIcon title={t('items.readOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <div style={{ display: 'grid', gap: 16, minWidth: 0 }}>
            <ProgressCard item={item} phone />
            <CoreCard page={page} />
            <MilestonesCard page={page} onReload={reload} />
            <UpdatesCard page={page} />
          </div>
        </Col>
        <Col xs={24} lg={8}>
          <div style={{ display: 'grid', gap: 16, minWidth: 0 }}>
            <ProgressCard item={item} />
            <SidesCard page={page} onReload={reload} />
            <AttachmentsCard page={page} />
            <ActivityCard page={page} />
          </div>
        </Col>
      </Row>
      {dialog === 'core' && <CoreEditModal item={item} onReload={reload} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <StatusModal item={item} onReload={reload} onClose={() => setDialog(null)} />}
    </>
  );
}
