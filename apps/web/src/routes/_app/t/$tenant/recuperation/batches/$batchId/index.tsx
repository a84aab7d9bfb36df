import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { BedsTag } from '@/features/recuperation/BedsTag.tsx';
import { formatYuan } from '@/features/recuperation/money.ts';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { formatDate } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BackLink } from '@/routes/_app/t/$tenant/recuperation/-components/BackLink.tsx';
import { BaseInfo } from '@/routes/_app/t/$tenant/recuperation/-components/BaseInfo.tsx';
import { BookBar } from '@/routes/_app/t/$tenant/recuperation/-components/BookBar.tsx';
import { EligibilityNotice } from '@/routes/_app/t/$tenant/recuperation/-components/EligibilityNotice.tsx';
import { Itinerary } from '@/routes/_app/t/$tenant/recuperation/-components/Itinerary.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation/batches/$batchId/')({
  beforeLoad: ({ context, params }) => {
    if (recuperationAccess.book(context.membership)) return;
    // staff following a notice about a batch get its roster
    if (recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant/recuperation-admin/batches/$batchId', params });
    throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.catalog.batch.queryOptions({ batchId: params.batchId })),
  component: BatchPage,
});

/** One batch as a member weighs it: dates, cost, the bases and days, and whether they may go. */
function BatchPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { batchId } = Route.useParams();
  const { data } = useSuspenseQuery(api.recuperation.catalog.batch.queryOptions({ batchId }));
  const { batch: b, eligibility, myBooking } = data;

  return (
    <>
      <BackLink to="/t/$tenant/recuperation" params={{ tenant: slug }}>
        {t('booking.browse.title')}
      </BackLink>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {b.route.title}
          </Typography.Title>
          <BedsTag bedsLeft={b.bedsLeft} bookable={b.bookable} />
        </Flex>
        <Typography.Text type="secondary">
          {localName(locale, { nameZh: b.hostNameZh, nameEn: b.hostNameEn })} · {b.code}
        </Typography.Text>
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} styles={{ label: { width: locale === 'en' ? 96 : 60 } }}>
          <Descriptions.Item label={t('booking.batch.dates')}>
            {formatTripDates(b.startDate, b.nights, locale)}
            <br />
            {t('booking.batch.days', { n: b.route.days })} · {t('booking.batch.nights', { n: b.nights })}
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.batch.price')}>
            <span>
              {t('booking.batch.perDay', { price: formatYuan(b.route.pricePerDayFen) })}
              <br />
              <Typography.Text type="secondary">{t('booking.batch.total', { price: formatYuan(b.route.pricePerDayFen * b.route.days) })}</Typography.Text>
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.batch.beds')}>{t('booking.batch.capacity', { taken: b.bedsTaken, capacity: b.capacity })}</Descriptions.Item>
          <Descriptions.Item label={t('booking.batch.signup')}>
            {t('booking.batch.windowRange', { from: formatDate(b.bookingOpens, locale), to: formatDate(b.bookingCloses, locale) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.batch.cancel')}>{t('booking.batch.cancelBy', { date: formatDate(b.cancelDeadline, locale) })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <EligibilityNotice eligibility={eligibility} booked={myBooking !== null} />
      {b.bases.map((base) => (
        <BaseInfo key={base.id} base={base} />
      ))}
      <Itinerary days={b.route.itinerary} description={b.route.description} />
      <BookBar batch={b} eligibility={eligibility} myBooking={myBooking} />
    </>
  );
}
