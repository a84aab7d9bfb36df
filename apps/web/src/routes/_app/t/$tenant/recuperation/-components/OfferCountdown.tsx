import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { timeLeft } from '@/features/recuperation/tripDates.ts';
import { useT } from '@/lib/locale.ts';

/** How long a waitlist offer stays open, ticking each minute. */
export function OfferCountdown({ until }: { until: string }) {
  const t = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const left = timeLeft(until, now);
  return (
    <Typography.Text type={left ? 'warning' : 'secondary'} strong={left !== null}>
      <ClockCircleOutlined /> {left ? t('booking.offer.timeLeft', left) : t('booking.offer.expired')}
    </Typography.Text>
  );
}
