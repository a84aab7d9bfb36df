import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { ProgrammeRequestDto, TicketDto } from '@uc/contracts';
import { App, Button, Card, Checkbox, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/**
 * An open event's sessions, each with what is left and a register button (consent when the host is
 * the other city) — or, when the host asks for it, a request for our federation's approval (decision 0051).
 */
export function OpenEvent({ eventId, tickets, requests }: { eventId: string; tickets: TicketDto[]; requests: ProgrammeRequestDto[] }) {
  const t = useT();
  const { api, membership } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: e } = useSuspenseQuery(api.programme.get.queryOptions({ id: eventId }));
  const [consent, setConsent] = useState(false);
  const crossing = e.hostTenantId !== membership.tenantId;
  const register = useMutation(
    api.programme.registration.register.mutationOptions({
      onSuccess: (r) => {
        void message.success(r.ticket.status === 'waitlisted' ? t('programme.waitlisted', { position: r.ticket.waitlistPosition ?? 1 }) : t('programme.registered'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const ask = useMutation(
    api.programme.request.submit.mutationOptions({
      onSuccess: () => {
        void message.success(t('programme.request.submitted'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const send = e.homeApproval ? ask : register;
  const upcoming = e.sessionList.filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > Date.now());
  return (
    <Card size="small" title={e.title} data-testid="programme-event">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        <Tag>{t(`programme.kind.${e.kind}`)}</Tag>
        {e.topic} · {t('programme.event.host', { host: e.host, partner: e.partner })}
      </Typography.Paragraph>
      {e.speakers.length > 0 && <Typography.Paragraph style={{ marginBottom: 8 }}>{e.speakers.map((s) => `${s.name}（${s.title}）`).join('、')}</Typography.Paragraph>}
      {e.homeApproval && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }} data-testid="programme-approval-hint">
          {t('programme.request.hint')}
        </Typography.Paragraph>
      )}
      {crossing && (
        <Checkbox checked={consent} onChange={(x) => setConsent(x.target.checked)} style={{ marginBottom: 8 }} data-testid="programme-consent">
          {t('programme.consent', { host: e.host })}
        </Checkbox>
      )}
      <Flex vertical gap={8}>
        {upcoming.map((s) => {
          const mine = tickets.find((x) => x.sessionId === s.id && x.status !== 'cancelled');
          const waiting = requests.find((r) => r.sessionId === s.id && r.status === 'applied');
          return (
            <Flex key={s.id} justify="space-between" align="center" gap={8} wrap style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Typography.Text strong>{s.title || formatDateTime(s.startsAt)}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.startsAt)} · {s.venue?.name ?? s.onlineUrl} · {t('programme.session.seats', { free: s.free, capacity: s.capacity })}
                </Typography.Text>
              </div>
              {mine ? (
                <Tag color="green">{t(`programme.status.${mine.status}`)}</Tag>
              ) : waiting ? (
                <Tag color="gold" data-testid="programme-request-waiting">
                  {t('programme.request.status.applied')}
                </Tag>
              ) : (
                <Button
                  type="primary"
                  size="large"
                  data-testid={e.homeApproval ? 'programme-request-submit' : 'programme-register'}
                  disabled={crossing && !consent}
                  loading={send.isPending && send.variables?.sessionId === s.id}
                  onClick={() => send.mutate({ sessionId: s.id, consent, idempotencyKey: `web-${s.id}-${crypto.randomUUID()}` })}
                >
                  {e.homeApproval ? t('programme.request.submit') : t('programme.register')}
                </Button>
              )}
            </Flex>
          );
        })}
      </Flex>
      {crossing && !consent && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('programme.consent.required')}
        </Typography.Text>
      )}
    </Card>
  );
}
