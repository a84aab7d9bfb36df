import { FilePdfOutlined, FileExcelOutlined, ScanOutlined } from '@ant-design/icons';
import { useIsFetching, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BookingTable } from '../-components/BookingTable.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin/batches/$batchId')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.batch.roster.queryOptions({ batchId: params.batchId })),
  component: RosterPage,
});

/** Plain GET links: the session cookie authorises them and the browser saves the file itself. */
const rosterUrl = (tenant: string, batchId: string, format: 'xlsx' | 'pdf') =>
  `/api/t/${encodeURIComponent(tenant)}/recuperation/batches/${encodeURIComponent(batchId)}/roster.${format}`;

/** Everyone holding a bed in a batch — our members and the partner's, with companions — and their next step. */
function RosterPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { batchId } = Route.useParams();
  const { data: roster } = useSuspenseQuery(api.recuperation.batch.roster.queryOptions({ batchId }));
  const loading = useIsFetching({ queryKey: api.recuperation.batch.roster.pathKey() }) > 0;
  const { batch, totals } = roster;

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {batch.routeTitle}
            </Typography.Title>
            <Typography.Text type="secondary">
              {batch.code} · {formatTripDates(batch.startDate, batch.nights, locale)}
            </Typography.Text>
          </div>
          <Flex gap={8} wrap>
            <Link to="/t/$tenant/recuperation-admin/checkin" params={{ tenant: slug }}>
              <Button icon={<ScanOutlined />}>{t('recuperation.checkin.open')}</Button>
            </Link>
            <Button icon={<FileExcelOutlined />} href={rosterUrl(slug, batchId, 'xlsx')}>
              {t('recuperation.roster.excel')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={rosterUrl(slug, batchId, 'pdf')}>
              {t('recuperation.roster.pdf')}
            </Button>
          </Flex>
        </Flex>
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.beds')} value={`${batch.bedsTaken}/${batch.capacity}`} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.members')} value={totals.members} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.companions')} value={totals.companions} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.own')} value={totals.ownMembers} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.partner')} value={totals.partnerMembers} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('recuperation.roster.checkedIn')} value={totals.checkedIn} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('recuperation.roster.title')}>
        <BookingTable rows={roster.rows} side="host" showBatch={false} loading={loading} empty={t('recuperation.roster.empty')} />
      </Card>
    </>
  );
}
