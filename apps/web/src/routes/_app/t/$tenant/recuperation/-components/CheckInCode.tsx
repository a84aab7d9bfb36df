import type { BookingDto } from '@uc/contracts';
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { checkInLink } from '@/features/recuperation/checkinToken.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';

// the QR library comes in its own small chunk, after the booking's text is on screen
const QrCode = lazy(() => import('@/features/recuperation/QrCode.tsx').then((m) => ({ default: m.QrCode })));

/** The code the host scans at the door (a link holding the token), and the token itself to read out. */
export function CheckInCode({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  if (!b.checkinToken) {
    if (b.status !== 'requested' && b.status !== 'approved') return null;
    return (
      <Card size="small" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('booking.qr.notYet')}</Typography.Text>
      </Card>
    );
  }
  const link = checkInLink(window.location.origin, b.host.slug, b.checkinToken);
  return (
    <Card size="small" title={t('booking.qr.title')} style={{ marginTop: 12 }} data-testid="checkin-card">
      <Flex vertical align="center" gap={8}>
        {b.checkedInAt && <Alert type="success" showIcon title={t('booking.checkedIn', { time: formatDateTime(b.checkedInAt) })} style={{ width: '100%' }} />}
        <Suspense fallback={<Skeleton.Node active style={{ width: 260, height: 260 }} />}>
          <QrCode value={link} size={260} label={t('booking.qr.alt', { id: b.batch.code })} />
        </Suspense>
        <Typography.Text type="secondary">{t('booking.qr.hint')}</Typography.Text>
        {b.checkinCode && (
          <div style={{ textAlign: 'center' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('booking.qr.shortCode')}
            </Typography.Text>
            <div style={{ fontSize: 28, letterSpacing: 6, fontFamily: 'ui-monospace, Menlo, monospace' }} data-testid="checkin-code">
              {b.checkinCode}
            </div>
          </div>
        )}
        <div style={{ textAlign: 'center', maxWidth: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('booking.qr.code')}
          </Typography.Text>
          <Typography.Paragraph copyable={{ text: b.checkinToken }} style={{ fontFamily: 'ui-monospace, Menlo, monospace', wordBreak: 'break-all', margin: 0 }} data-testid="checkin-token">
            {b.checkinToken}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}
