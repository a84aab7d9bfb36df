import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';

/** Beds left in a batch: green while there are some, orange when only the waitlist is open. */
export function BedsTag({ bedsLeft, bookable }: { bedsLeft: number; bookable: boolean }) {
  const t = useT();
  if (!bookable) return <Tag style={{ marginInlineEnd: 0 }}>{t('booking.batch.closed')}</Tag>;
  if (bedsLeft <= 0)
    return (
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('booking.batch.full')}
      </Tag>
    );
  return (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      {t('booking.batch.placesLeft', { n: bedsLeft })}
    </Tag>
  );
}
