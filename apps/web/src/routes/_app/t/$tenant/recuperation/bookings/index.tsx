import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Button, Empty, Flex } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BackLink } from '../-components/BackLink.tsx';
import { BookingCard } from '../-components/BookingCard.tsx';

export const Route = createFileRoute('/_app/t/$tenant/recuperation/bookings/')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).recuperation.booking.mine.queryOptions()),
  component: MyBookingsPage,
});

/** The member's bookings, the trips ahead first. */
function MyBookingsPage() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data: mine } = useSuspenseQuery(api.recuperation.booking.mine.queryOptions());
  return (
    <>
      <BackLink to="/t/$tenant/recuperation" params={{ tenant: slug }}>
        {t('booking.browse.title')}
      </BackLink>
      <PageHeader title={t('booking.mine.title')} />
      {mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('booking.mine.empty')} style={{ padding: '48px 0' }}>
          <Link to="/t/$tenant/recuperation" params={{ tenant: slug }}>
            <Button type="primary">{t('booking.mine.browse')}</Button>
          </Link>
        </Empty>
      ) : (
        <Flex vertical gap={12}>
          {mine.map((b) => (
            <BookingCard key={b.id} booking={b} />
          ))}
        </Flex>
      )}
    </>
  );
}
