import type { CatalogBatchDto } from '@uc/contracts';
import { Card, Timeline, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

/** The route day by day. */
export function Itinerary({ days, description }: { days: CatalogBatchDto['route']['itinerary']; description: string }) {
  const t = useT();
  if (!days.length && !description) return null;
  return (
    <Card size="small" title={t('booking.batch.itinerary')} style={{ marginTop: 12 }}>
      {description && <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{description}</Typography.Paragraph>}
      <Timeline
        items={days.map((d) => ({
          key: d.day,
          content: (
            <>
              <Typography.Text strong>{t('booking.batch.dayN', { n: d.day })}</Typography.Text>
              <div style={{ whiteSpace: 'pre-line' }}>{d.text}</div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
