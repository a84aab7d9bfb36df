import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingDto } from '@uc/contracts';
import { App, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { LIVE_STATUSES } from '@/features/recuperation/bookingStatus.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** Cancel before the deadline (the bed goes back to the waitlist); after it, say whom to ask. */
export function CancelBooking({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    ...api.recuperation.booking.cancel.mutationOptions(),
    onSuccess: async () => {
      setOpen(false);
      void message.success(t('booking.cancel.done'));
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
    },
    onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
  });
  if (!LIVE_STATUSES.includes(b.status) || b.checkedInAt) return null;
  if (!b.can.cancel) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center' }}>
        {t('booking.cancel.tooLate')}
      </Typography.Paragraph>
    );
  }
  return (
    <>
      <Button danger block size="large" style={{ marginTop: 16 }} onClick={() => setOpen(true)}>
        {t('booking.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('booking.cancel')}
        okText={t('booking.cancel')}
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        cancelText={t('booking.cancel.keep')}
        onOk={() => cancel.mutate({ id: b.id, reason: reason.trim(), rowVersion: b.rowVersion })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('booking.cancel.confirm')}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} placeholder={t('booking.cancel.reason')} aria-label={t('booking.cancel.reason')} />
      </Modal>
    </>
  );
}
