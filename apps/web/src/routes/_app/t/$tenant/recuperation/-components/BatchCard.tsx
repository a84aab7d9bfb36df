import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { BookingStatus, CatalogBatchDto } from '@uc/contracts';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { BedsTag } from '@/features/recuperation/BedsTag.tsx';
import { formatYuan } from '@/features/recuperation/money.ts';
import { StatusTag } from '@/features/recuperation/StatusTag.tsx';
import { formatMonthDay, formatTripDates } from '@/features/recuperation/tripDates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

/** One batch in the list: what, where, when, how much, and whether a bed is left, and — for a member
 * who cannot book it — why not, before they open it. */
export function BatchCard({ batch: b, bookedStatus }: { batch: CatalogBatchDto; bookedStatus: BookingStatus | null }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  const host = localName(locale, { nameZh: b.hostNameZh, nameEn: b.hostNameEn });
  // the server's verdict for this member (same check as the batch page); a booking already held says enough
  const refused = !bookedStatus && b.verdict !== null && !b.verdict.eligible && b.verdict.reasons.length > 0;
  return (
    <Link to="/t/$tenant/recuperation/batches/$batchId" params={{ tenant: slug, batchId: b.id }} data-testid="batch-card" style={{ display: 'block' }}>
      <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16, lineHeight: 1.4 }}>
            {b.route.title}
          </Typography.Text>
          {bookedStatus ? (
            <StatusTag status={bookedStatus} />
          ) : refused ? (
            <Tag color="default" style={{ marginInlineEnd: 0 }} data-testid="batch-verdict">
              {t('booking.batch.notForYou')}
            </Tag>
          ) : (
            <BedsTag bedsLeft={b.bedsLeft} bookable={b.bookable} />
          )}
        </Flex>
        {refused && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8, padding: '4px 10px' }}
            data-testid="batch-reason"
            title={b.verdict!.reasons.map((r) => (
              <div key={r.code}>{r.message}</div>
            ))}
          />
        )}
        <div style={{ color: '#595959', marginTop: 6 }}>
          <EnvironmentOutlined /> {host} · {b.bases.map((base) => base.name).join('、')}
        </div>
        <div style={{ color: '#595959', marginTop: 2 }}>
          <CalendarOutlined /> {formatTripDates(b.startDate, b.nights, locale)} · {t('booking.batch.days', { n: b.route.days })}
        </div>
        <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginTop: 6 }}>
          <Typography.Text style={{ color: '#b3201e', fontSize: 15 }}>{t('booking.batch.perDay', { price: formatYuan(b.route.pricePerDayFen) })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('booking.batch.cancelBy', { date: formatMonthDay(b.cancelDeadline, locale) })}
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
