import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingDto } from '@uc/contracts';
import { Alert, App, Button, Flex, Popconfirm } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { OfferCountdown } from './OfferCountdown.tsx';

/** A bed came free and is held for this member until the offer expires: take it, or let it go on. */
export function OfferPanel({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const done = async (text: string) => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
  };
  const fail = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const accept = useMutation({ ...api.recuperation.booking.acceptOffer.mutationOptions(), onSuccess: () => done(t('booking.offer.accepted')), onError: fail });
  const decline = useMutation({ ...api.recuperation.booking.declineOffer.mutationOptions(), onSuccess: () => done(t('booking.offer.declined')), onError: fail });
  const busy = accept.isPending || decline.isPending;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('booking.offer.title')}
      description={
        <Flex vertical gap={8}>
          {b.offerExpiresAt && <span>{t('booking.offer.until', { time: formatDateTime(b.offerExpiresAt) })}</span>}
          {b.offerExpiresAt && <OfferCountdown until={b.offerExpiresAt} />}
          {b.can.acceptOffer && (
            <Flex gap={8}>
              <Button type="primary" size="large" style={{ flex: 1 }} loading={accept.isPending} disabled={busy} onClick={() => accept.mutate({ id: b.id, rowVersion: b.rowVersion })}>
                {t('booking.offer.accept')}
              </Button>
              <Popconfirm title={t('booking.offer.declineConfirm')} onConfirm={() => decline.mutate({ id: b.id, rowVersion: b.rowVersion })}>
                <Button size="large" disabled={busy} loading={decline.isPending}>
                  {t('booking.offer.decline')}
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      }
    />
  );
}
