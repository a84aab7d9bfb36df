import type { BookingDto } from '@uc/contracts';
import { Alert, Card, Steps } from 'antd';
import { PROGRESS_STEPS, progressOf } from '@/features/recuperation/bookingStatus.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';

/** requested → approved → confirmed → completed, with when each happened; why it stopped, if it did. */
export function BookingProgress({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  if (b.status === 'waitlisted') {
    return <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('booking.detail.waitlistPosition', { n: b.waitlistPosition ?? '—' })} description={t('booking.detail.waitlistHint')} />;
  }
  if (b.status === 'offered') return null;
  const progress = progressOf(b);
  const when: Record<(typeof PROGRESS_STEPS)[number], string | null> = {
    requested: b.requestedAt,
    approved: b.approvedAt,
    confirmed: b.confirmedAt,
    // checked in at the door; the stay is completed later by the host
    completed: b.status === 'completed' ? b.closedAt : b.checkedInAt,
  };
  return (
    <Card size="small" title={t('booking.progress.title')} style={{ marginTop: 12 }}>
      <Steps
        orientation="vertical"
        size="small"
        current={progress.current}
        status={progress.status}
        items={PROGRESS_STEPS.map((s) => ({ title: t(`booking.progress.${s}`), content: when[s] ? formatDateTime(when[s]) : undefined }))}
      />
      {(b.status === 'cancelled' || b.status === 'no_show') && (
        <Alert
          type={b.status === 'no_show' ? 'error' : 'info'}
          showIcon
          title={b.cancelKind ? t(`booking.cancelKind.${b.cancelKind}`) : t(`booking.state.${b.status}`)}
          description={b.cancelReason ? `${t('booking.detail.reason')}：${b.cancelReason}` : undefined}
        />
      )}
    </Card>
  );
}
