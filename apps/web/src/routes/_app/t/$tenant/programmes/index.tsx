import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Card, Empty, Flex, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { OpenEvent } from './-components/OpenEvent.tsx';
import { RequestCard } from './-components/RequestCard.tsx';
import { TicketCard } from './-components/TicketCard.tsx';
import { Certificates } from './-components/Certificates.tsx';

export const Route = createFileRoute('/_app/t/$tenant/programmes/')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => {
    const a = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(a.programme.registration.mine.queryOptions()),
      context.queryClient.ensureQueryData(a.programme.request.mine.queryOptions()),
      context.queryClient.ensureQueryData(a.programme.registration.learning.queryOptions()),
      context.queryClient.ensureQueryData(a.programme.certificate.mine.queryOptions()),
      context.queryClient.ensureQueryData(a.programme.list.queryOptions()),
    ]);
  },
  component: MemberProgrammesPage,
});

/** The member's phone page: their tickets (QR), their learning record, and what is open to register. */
function MemberProgrammesPage() {
  const t = useT();
  const { api } = useTenant();
  const { data: tickets } = useSuspenseQuery(api.programme.registration.mine.queryOptions());
  const { data: requests } = useSuspenseQuery(api.programme.request.mine.queryOptions());
  const { data: record } = useSuspenseQuery(api.programme.registration.learning.queryOptions());
  const { data: events } = useSuspenseQuery(api.programme.list.queryOptions());
  const open = events.filter((e) => e.status === 'open');
  const active = tickets.filter((x) => x.status !== 'cancelled');
  // waiting for our federation, or refused (with its reason) for a session still to come and not asked
  // for again nor registered since; an approved one is a ticket
  const later = new Set([...requests.filter((r) => r.status === 'applied' || r.status === 'approved').map((r) => r.sessionId), ...active.map((x) => x.sessionId)]);
  const asked = requests.filter((r) => r.status === 'applied' || (r.status === 'refused' && Date.parse(r.startsAt) > Date.now() && !later.has(r.sessionId)));
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('programme.mine.title')} subtitle={t('programme.mine.subtitle')} />
      <Typography.Title level={5}>{t('programme.mine.tickets')}</Typography.Title>
      {asked.length > 0 && (
        <Flex vertical gap={12} style={{ marginBottom: 12 }} data-testid="programme-requests">
          {asked.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </Flex>
      )}
      {active.length === 0 && asked.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programme.mine.noTickets')} />
      ) : (
        <Flex vertical gap={12}>
          {active.map((x) => (
            <TicketCard key={x.id} ticket={x} />
          ))}
        </Flex>
      )}
      <Card title={t('programme.learning.title')} size="small" style={{ marginTop: 16 }} data-testid="learning-record">
        <Typography.Paragraph strong>{t('programme.learning.summary', { sessions: record.sessions, hours: record.creditHours })}</Typography.Paragraph>
        {record.entries.length === 0 ? (
          <Typography.Text type="secondary">{t('programme.learning.empty')}</Typography.Text>
        ) : (
          record.entries.map((e) => (
            <div key={e.sessionId} style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
              <Typography.Text>{e.eventTitle}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.startsAt)} · {e.host} · {e.creditHours} h
              </Typography.Text>
            </div>
          ))
        )}
      </Card>
      <Certificates />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('programme.mine.open')}
      </Typography.Title>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programme.mine.noEvents')} />
      ) : (
        <Flex vertical gap={12}>
          {open.map((e) => (
            <OpenEvent key={e.id} eventId={e.id} tickets={tickets} requests={requests} />
          ))}
        </Flex>
      )}
    </div>
  );
}
