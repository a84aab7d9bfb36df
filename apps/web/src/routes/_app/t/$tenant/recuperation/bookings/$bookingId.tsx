import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Card, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { StatusTag } from '@/features/recuperation/StatusTag.tsx';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BackLink } from '../-components/BackLink.tsx';
import { BookingFacts } from '../-components/BookingFacts.tsx';
import { BookingProgress } from '../-components/BookingProgress.tsx';
import { CancelBooking } from '../-components/CancelBooking.tsx';
import { CheckInCode } from '../-components/CheckInCode.tsx';
import { OfferPanel } from '../-components/OfferPanel.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation/bookings/$bookingId')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.booking.get.queryOptions({ id: params.bookingId })),
  component: BookingPage,
});

/** One booking: where it stands, what to do next (accept an offer, cancel), and the check-in code. */
function BookingPage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { bookingId } = Route.useParams();
  const { data: b } = useSuspenseQuery(api.recuperation.booking.get.queryOptions({ id: bookingId }));

  return (
    <>
      <BackLink to="/t/$tenant/recuperation/bookings" params={{ tenant: slug }}>
        {t('booking.mine.title')}
      </BackLink>
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {b.batch.routeTitle}
          </Typography.Title>
          <StatusTag status={b.status} />
        </Flex>
        <Typography.Text type="secondary">
          {localName(locale, b.host)} · {formatTripDates(b.batch.startDate, b.batch.nights, locale)}
        </Typography.Text>
      </Card>
      {b.status === 'offered' && <OfferPanel booking={b} />}
      {/* at the door the code comes first, without scrolling */}
      <CheckInCode booking={b} />
      <BookingProgress booking={b} />
      <BookingFacts booking={b} />
      <CancelBooking booking={b} />
    </>
  );
}
