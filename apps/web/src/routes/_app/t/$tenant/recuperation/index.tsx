import { ProfileOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { Button, Empty, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { localName } from '@/lib/i18n.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { BatchCard } from './-components/BatchCard.tsx';

const CATALOG = { openOnly: true } as const;

/** A member's start: the batches open to them in the partner cities (and their own), newest first. */
export const Route = createFileRoute('/_app/t/$tenant/recuperation/')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => {
    const scoped = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(scoped.recuperation.catalog.list.queryOptions(CATALOG)),
      context.queryClient.ensureQueryData(scoped.recuperation.booking.mine.queryOptions()),
    ]);
  },
  component: BrowsePage,
});

function BrowsePage() {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const { data: batches } = useSuspenseQuery(api.recuperation.catalog.list.queryOptions(CATALOG));
  const { data: mine } = useSuspenseQuery(api.recuperation.booking.mine.queryOptions());
  const [host, setHost] = useState<string>('all');

  // partner cities first: those are what the agreement opened to the member
  const hosts = [...new Map(batches.map((b) => [b.hostSlug, { slug: b.hostSlug, nameZh: b.hostNameZh, nameEn: b.hostNameEn, own: !b.usesAgreementPlaces }])).values()].sort(
    (a, b) => Number(a.own) - Number(b.own),
  );
  const shown = batches.filter((b) => host === 'all' || b.hostSlug === host);
  const booked = new Map(mine.filter((b) => b.status !== 'cancelled').map((b) => [b.batch.id, b]));

  return (
    <>
      <PageHeader
        title={t('booking.browse.title')}
        subtitle={t('booking.browse.subtitle')}
        extra={
          <Link to="/t/$tenant/recuperation/bookings" params={{ tenant: slug }}>
            <Button icon={<ProfileOutlined />}>
              {t('booking.browse.myBookings')}
              {mine.length > 0 && ` (${mine.length})`}
            </Button>
          </Link>
        }
      />
      {hosts.length > 1 && (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={host}
            onChange={setHost}
            options={[{ value: 'all', label: t('booking.browse.allHosts') }, ...hosts.map((h) => ({ value: h.slug, label: localName(locale, h) }))]}
          />
        </div>
      )}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('booking.browse.empty')} style={{ padding: '48px 0' }}>
          <span style={{ color: '#8c8c8c' }}>{t('booking.browse.emptyHint')}</span>
        </Empty>
      ) : (
        <Flex vertical gap={12}>
          {shown.map((b) => (
            <BatchCard key={b.id} batch={b} bookedStatus={booked.get(b.id)?.status ?? null} />
          ))}
        </Flex>
      )}
    </>
  );
}
