import { useMutation } from '@tanstack/react-query';
import type { TicketDto } from '@uc/contracts';
import { Alert, App, Button, Card, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { FeedbackForm } from './FeedbackForm.tsx';
import { TicketMaterials } from './TicketMaterials.tsx';

const QrCode = lazy(() => import('@/features/recuperation/QrCode.tsx').then((m) => ({ default: m.QrCode })));

/** A registration as the member carries it: the session, its status, and the QR code for the door. */
export function TicketCard({ ticket: x }: { ticket: TicketDto }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const cancel = useMutation(
    api.programme.registration.cancel.mutationOptions({
      onSuccess: () => refresh(),
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const accept = useMutation(
    api.programme.registration.acceptOffer.mutationOptions({
      onSuccess: () => {
        void message.success(t('programme.offer.accepted'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  return (
    <Card size="small" data-testid="programme-ticket" title={x.eventTitle}>
      <Flex vertical gap={6}>
        {x.sessionTitle && (
          <Typography.Text strong data-testid="programme-ticket-session">
            {x.sessionTitle}
          </Typography.Text>
        )}
        <Typography.Text>
          {formatDateTime(x.startsAt)} · {x.place}
        </Typography.Text>
        <Typography.Text type="secondary">{x.host}</Typography.Text>
        <div>
          <Tag color={x.status === 'registered' ? 'green' : 'gold'}>{x.status === 'waitlisted' ? t('programme.waitlisted', { position: x.waitlistPosition ?? 1 }) : t(`programme.status.${x.status}`)}</Tag>
          {x.sessionStatus === 'cancelled' && <Tag color="red">{t('programme.session.cancelled')}</Tag>}
        </div>
        {x.status === 'offered' && x.offerExpiresAt && (
          <Alert
            type="warning"
            showIcon
            data-testid="programme-offer"
            title={t('programme.offer.title', { time: formatDateTime(x.offerExpiresAt) })}
            description={t('programme.offer.hint')}
            action={
              <Button type="primary" size="small" onClick={() => accept.mutate({ id: x.id })} loading={accept.isPending} data-testid="programme-offer-accept">
                {t('programme.offer.accept')}
              </Button>
            }
          />
        )}
        {x.checkedInAt && <Alert type="success" showIcon title={t('programme.ticket.checkedIn', { time: formatDateTime(x.checkedInAt) })} />}
        {x.status === 'registered' && <TicketMaterials eventId={x.eventId} />}
        {x.attended && <FeedbackForm ticket={x} />}
        {x.token && !x.checkedInAt && (
          <Flex vertical align="center" gap={6}>
            <Typography.Text strong>{t('programme.ticket.qr')}</Typography.Text>
            <Suspense fallback={<Skeleton.Node active style={{ width: 220, height: 220 }} />}>
              <QrCode value={x.token} size={220} label={t('programme.ticket.qr')} />
            </Suspense>
            <Typography.Text type="secondary">{t('programme.ticket.hint')}</Typography.Text>
            <Typography.Paragraph copyable={{ text: x.token }} style={{ fontFamily: 'ui-monospace, Menlo, monospace', wordBreak: 'break-all', margin: 0, fontSize: 12 }} data-testid="programme-token">
              {x.token}
            </Typography.Paragraph>
          </Flex>
        )}
        {!x.checkedInAt && x.sessionStatus === 'scheduled' && (
          <Popconfirm title={t('programme.ticket.cancel')} onConfirm={() => cancel.mutate({ id: x.id, reason: '' })}>
            <Button size="small" danger loading={cancel.isPending}>
              {t('programme.ticket.cancel')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
