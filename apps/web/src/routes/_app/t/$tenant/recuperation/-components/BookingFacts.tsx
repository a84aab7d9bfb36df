import type { BookingDto } from '@uc/contracts';
import { Card, Descriptions, Typography } from 'antd';
import { formatYuan } from '@/features/recuperation/money.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';

/** Who travels, what it costs, the deadlines: the booking as the member agreed it. */
export function BookingFacts({ booking: b }: { booking: BookingDto }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card size="small" title={t('booking.detail.title')} style={{ marginTop: 12 }}>
      <Descriptions column={1} size="small" styles={{ label: { width: locale === 'en' ? 96 : 72, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('booking.summary.travellers')}>
          <div>
            <div>
              {b.member.name}（{t('booking.form.self')}）
            </div>
            {b.companions.map((c) => (
              <div key={c.idNumberMasked + c.name}>
                {c.name}（{t(`booking.relation.${c.relation}`)}）
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  {c.idNumberMasked}
                </Typography.Text>
              </div>
            ))}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.beds')}>{t('booking.form.beds', { n: b.beds })}</Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.price')}>{t('booking.summary.costEach', { price: formatYuan(b.costPerPersonFen) })}</Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.cancel')}>{t('booking.batch.cancelBy', { date: formatDate(b.batch.cancelDeadline, locale) })}</Descriptions.Item>
        <Descriptions.Item label={t('booking.detail.code')}>{b.batch.code}</Descriptions.Item>
        <Descriptions.Item label={t('booking.detail.bookedAt')}>{formatDateTime(b.requestedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('booking.step.consent')}>{t('booking.detail.consentAt', { time: formatDateTime(b.consent.at) })}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
