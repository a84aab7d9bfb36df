import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { Card, Col, Row, Statistic } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BookingTable } from './-components/BookingTable.tsx';

const TO_APPROVE = { side: 'home', status: 'requested' } as const;
const TO_CONFIRM = { side: 'host', status: 'approved' } as const;
const UPCOMING = { side: 'host', status: 'confirmed' } as const;

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/')({
  loader: ({ context, params }) => {
    const { booking } = tenantApi(params.tenant).recuperation;
    return Promise.all([TO_APPROVE, TO_CONFIRM, UPCOMING].map((input) => context.queryClient.ensureQueryData(booking.list.queryOptions(input))));
  },
  component: Overview,
});

/** What waits for this federation today: requests of its members to approve, partner guests to confirm. */
function Overview() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data: toApprove } = useSuspenseQuery(api.recuperation.booking.list.queryOptions(TO_APPROVE));
  const { data: toConfirm } = useSuspenseQuery(api.recuperation.booking.list.queryOptions(TO_CONFIRM));
  const { data: upcoming } = useSuspenseQuery(api.recuperation.booking.list.queryOptions(UPCOMING));
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Link to="/t/$tenant/recuperation-admin/requests" params={{ tenant: slug }}>
            <Card size="small" hoverable>
              <Statistic title={t('recuperation.overview.toApprove')} value={toApprove.length} />
            </Card>
          </Link>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('recuperation.overview.toConfirm')} value={toConfirm.length} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Link to="/t/$tenant/recuperation-admin/checkin" params={{ tenant: slug }}>
            <Card size="small" hoverable>
              <Statistic title={t('recuperation.overview.confirmedGuests')} value={upcoming.filter((b) => !b.checkedInAt).length} />
            </Card>
          </Link>
        </Col>
      </Row>
      <Card size="small" title={t('recuperation.overview.toConfirmTitle')} style={{ marginBottom: 16 }}>
        <BookingTable rows={toConfirm} side="host" empty={t('recuperation.overview.noneToConfirm')} />
      </Card>
      <Card size="small" title={t('recuperation.overview.toApproveTitle')}>
        <BookingTable rows={toApprove} side="home" empty={t('recuperation.overview.noneToApprove')} />
      </Card>
    </>
  );
}
