import { Link } from '@tanstack/react-router';
import type { BookingDto, CatalogBatchDto, EligibilityDto } from '@uc/contracts';
import { Button } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';

/** The one thing to do on a batch, kept in reach of the thumb at the bottom of the screen. */
export function BookBar({ batch, eligibility, myBooking }: { batch: CatalogBatchDto; eligibility: EligibilityDto | null; myBooking: BookingDto | null }) {
  const t = useT();
  const { slug } = useTenant();
  const bar = (child: React.ReactNode) => (
    <div style={{ position: 'sticky', bottom: 0, marginTop: 16, padding: '12px 0', background: '#f3f4f7', zIndex: 2 }}>{child}</div>
  );
  if (myBooking) {
    return bar(
      <Link to="/t/$tenant/recuperation/bookings/$bookingId" params={{ tenant: slug, bookingId: myBooking.id }}>
        <Button block size="large">
          {t('booking.batch.viewBooking')}
        </Button>
      </Link>,
    );
  }
  const full = batch.bedsLeft <= 0;
  const blocked = !batch.bookable || (eligibility !== null && !eligibility.eligible);
  const label = !batch.bookable ? t('booking.batch.notOpen') : full ? t('booking.batch.joinWaitlist') : t('booking.batch.book');
  if (blocked) {
    return bar(
      <Button block size="large" type="primary" disabled>
        {label}
      </Button>,
    );
  }
  return bar(
    <Link to="/t/$tenant/recuperation/batches/$batchId/book" params={{ tenant: slug, batchId: batch.id }}>
      <Button block size="large" type="primary">
        {label}
      </Button>
    </Link>,
  );
}
