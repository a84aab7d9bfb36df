import type { BookingStatus } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';
import { STATUS_COLOR } from './bookingStatus.ts';

export function StatusTag({ status }: { status: BookingStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }} data-testid="booking-status">
      {t(`booking.state.${status}`)}
    </Tag>
  );
}
