import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { EventCard } from './-components/EventCard.tsx';
import { NewEventModal } from './-components/NewEventModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/contests/$contestId')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).contest.get.queryOptions({ id: params.contestId })),
  component: ContestPage,
});

/** One contest as each named federation sees it: its events, entrants per city, panels and results. */
function ContestPage() {
  const t = useT();
  const { api } = useTenant();
  const { contestId } = Route.useParams();
  const { data: c } = useSuspenseQuery(api.contest.get.queryOptions({ id: contestId }));
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={
          <Flex wrap gap={4} align="center">
            {c.parties.map((p) => (
              <Tag key={p.slug} color={p.role === 'organiser' ? 'red' : p.role === 'party' ? 'blue' : 'default'}>
                {p.name} · {t(`contest.role.${p.role}`)}
              </Tag>
            ))}
            {c.entrantsPerCity !== null && <Typography.Text type="secondary">{t('contest.detail.entrantsPerCity', { n: c.entrantsPerCity })}</Typography.Text>}
            {c.entrantsPerCity === null && c.entrantsByCity.length > 0 && (
              // the cities' figures differ: each city its own
              <Typography.Text type="secondary">
                {t('contest.detail.entrantsByCity', { cities: c.entrantsByCity.map((x) => t('contest.detail.cityEntrants', { city: x.name, n: x.entrants })).join(' · ') })}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          c.isOrganiser && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('contest.newEvent.button')}
            </Button>
          )
        }
      />
      {adding && <NewEventModal contest={c} onClose={() => setAdding(false)} />}
      <Flex vertical gap={16}>
        {c.events.length === 0 && <Empty description={t('contest.detail.noEvents')} />}
        {c.events.map((e) => (
          <EventCard key={e.id} event={e} organiser={c.isOrganiser} />
        ))}
      </Flex>
    </>
  );
}
