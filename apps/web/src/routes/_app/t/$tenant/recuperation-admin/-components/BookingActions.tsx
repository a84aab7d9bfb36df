import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingDto } from '@uc/contracts';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { ReasonModal } from './ReasonModal.tsx';

/** The steps the API says this user may take on the booking now (BookingDto.can), and nothing else. */
export function BookingActions({ booking: b, side }: { booking: BookingDto; side: 'home' | 'host' }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const options = (done: string) => ({
    onSuccess: async () => {
      setAsking(null);
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
    },
    onError: (err: unknown) => {
      const info = errorInfo(err, t('common.networkError'));
      const reasons = Array.isArray(info.details.reasons) ? (info.details.reasons as { message: string }[]).map((r) => r.message) : [];
      if (reasons.length) modal.error({ title: info.message, content: reasons.map((r) => <div key={r}>{r}</div>) });
      else void message.error(info.message);
    },
  });
  const approve = useMutation({ ...api.recuperation.booking.approve.mutationOptions(), ...options(t('recuperation.done.approved')) });
  const confirm = useMutation({ ...api.recuperation.booking.confirm.mutationOptions(), ...options(t('recuperation.done.confirmed')) });
  const reject = useMutation({ ...api.recuperation.booking.reject.mutationOptions(), ...options(t('recuperation.done.rejected')) });
  const cancel = useMutation({ ...api.recuperation.booking.cancel.mutationOptions(), ...options(t('booking.cancel.done')) });
  const noShow = useMutation({ ...api.recuperation.booking.noShow.mutationOptions(), ...options(t('recuperation.done.noShow')) });
  const complete = useMutation({ ...api.recuperation.booking.complete.mutationOptions(), ...options(t('recuperation.done.completed')) });
  const v = { id: b.id, rowVersion: b.rowVersion };
  const name = b.member.name;

  return (
    <Space size={4} wrap>
      {b.can.approve && (
        <Button size="small" type="primary" loading={approve.isPending} onClick={() => approve.mutate(v)} aria-label={t('recuperation.action.approveOf', { name })}>
          {t('recuperation.action.approve')}
        </Button>
      )}
      {side === 'home' && b.status === 'requested' && b.review && !b.review.eligible && (
        <Tooltip title={t('recuperation.review.approveBlocked')}>
          <Button size="small" disabled aria-label={t('recuperation.action.approveOf', { name })}>
            {t('recuperation.action.approve')}
          </Button>
        </Tooltip>
      )}
      {b.can.confirm && (
        <Button size="small" type="primary" loading={confirm.isPending} onClick={() => confirm.mutate(v)} aria-label={t('recuperation.action.confirmOf', { name })}>
          {t('recuperation.action.confirm')}
        </Button>
      )}
      {b.can.reject && (
        <Button size="small" danger onClick={() => setAsking('reject')}>
          {t('recuperation.action.reject')}
        </Button>
      )}
      {b.can.complete && (
        <Button size="small" loading={complete.isPending} onClick={() => complete.mutate({ id: b.id })}>
          {t('recuperation.action.complete')}
        </Button>
      )}
      {b.can.noShow && (
        <Popconfirm title={t('recuperation.action.noShowConfirm', { name })} onConfirm={() => noShow.mutate({ id: b.id })}>
          <Button size="small" danger loading={noShow.isPending}>
            {t('recuperation.action.noShow')}
          </Button>
        </Popconfirm>
      )}
      {side === 'home' && b.can.cancel && (
        <Button size="small" type="text" onClick={() => setAsking('cancel')}>
          {t('booking.cancel')}
        </Button>
      )}
      {asking === 'reject' && (
        <ReasonModal
          title={t('recuperation.action.rejectOf', { name })}
          required
          busy={reject.isPending}
          onOk={(reason) => reject.mutate({ ...v, reason })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'cancel' && (
        <ReasonModal
          title={t('recuperation.action.cancelOf', { name })}
          note={t('recuperation.action.cancelNote')}
          required={false}
          busy={cancel.isPending}
          onOk={(reason) => cancel.mutate({ ...v, reason })}
          onClose={() => setAsking(null)}
        />
      )}
    </Space>
  );
}
