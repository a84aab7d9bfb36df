import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { BookingDto } from '@uc/contracts';
import { Card, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { StatusTag } from '@/features/recuperation/StatusTag.tsx';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { OfferCountdown } from './OfferCountdown.tsx';

/** One of the member's bookings: what, when, where it stands; one tap to its detail and QR code. */
export function BookingCard({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  return (
    <Link to="/t/$tenant/recuperation/bookings/$bookingId" params={{ tenant: slug, bookingId: b.id }} data-testid="booking-card" style={{ display: 'block' }}>
      <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {b.batch.routeTitle}
          </Typography.Text>
          <StatusTag status={b.status} />
        </Flex>
        <div style={{ color: '#595959', marginTop: 6 }}>
          <EnvironmentOutlined /> {localName(locale, b.host)}
        </div>
        <div style={{ color: '#595959', marginTop: 2 }}>
          <CalendarOutlined /> {formatTripDates(b.batch.startDate, b.batch.nights, locale)}
        </div>
        {b.companions.length > 0 && (
          <div style={{ color: '#8c8c8c', marginTop: 2 }}>
            <TeamOutlined /> {t('booking.companions.count', { n: b.companions.length })}
          </div>
        )}
        {b.status === 'waitlisted' && b.waitlistPosition !== null && (
          <Typography.Text type="warning">{t('booking.detail.waitlistPosition', { n: b.waitlistPosition })}</Typography.Text>
        )}
        {b.status === 'offered' && b.offerExpiresAt && <OfferCountdown until={b.offerExpiresAt} />}
      </Card>
    </Link>
  );
}
