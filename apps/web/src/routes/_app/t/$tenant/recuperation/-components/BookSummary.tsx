import { maskIdNumber, type CatalogBatchDto } from '@uc/contracts';
import { Card, Descriptions, Typography } from 'antd';
import { useMe } from '@/components/session.ts';
import { bedsFor, normaliseIdNumber } from '@/features/recuperation/companions.ts';
import { formatYuan } from '@/features/recuperation/money.ts';
import { formatTripDates } from '@/features/recuperation/tripDates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import type { BookValues } from '../batches/$batchId/book.tsx';

/** The booking as it will be sent, for one last look before submitting. */
export function BookSummary({ batch, values, host }: { batch: CatalogBatchDto; values: BookValues; host: string }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const companions = values.companions ?? [];
  const cost = batch.route.pricePerDayFen * batch.route.days;
  return (
    <Card size="small" title={t('booking.form.summary')} data-testid="book-summary">
      <Descriptions column={1} size="small" styles={{ label: { width: locale === 'en' ? 96 : 60 } }}>
        <Descriptions.Item label={t('booking.summary.route')}>{batch.route.title}</Descriptions.Item>
        <Descriptions.Item label={t('booking.summary.host')}>{host}</Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.dates')}>{formatTripDates(batch.startDate, batch.nights, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('booking.summary.travellers')}>
          <div>
            {me.user.displayName}（{t('booking.form.self')}）
            {companions.map((c) => (
              <div key={c.idNumber}>
                {c.name}（{t(`booking.relation.${c.relation}`)}）
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  {maskIdNumber(normaliseIdNumber(c.idNumber))}
                </Typography.Text>
              </div>
            ))}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.beds')}>{t('booking.form.beds', { n: bedsFor(companions.length) })}</Descriptions.Item>
        <Descriptions.Item label={t('booking.batch.price')}>
          <span>
            {t('booking.summary.costEach', { price: formatYuan(cost) })}
            {companions.length > 0 && (
              <>
                <br />
                <Typography.Text type="secondary">{t('booking.summary.companionsPay', { price: formatYuan(cost * companions.length) })}</Typography.Text>
              </>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('booking.step.consent')}>
          {t('booking.summary.consented', { host })}
          {values.shareMobile ? t('booking.summary.withMobile') : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
