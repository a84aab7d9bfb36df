import type { BookingDto } from '@uc/contracts';
import { Tag, Tooltip } from 'antd';
import { useT } from '@/lib/locale.ts';

/**
 * The home federation's check of a pending request against its policy (BookingDto.review):
 * "符合条件", or a warning with the reasons (tooltip, and listed under it for phones).
 */
export function ReviewTag({ review }: { review: BookingDto['review'] }) {
  const t = useT();
  if (!review) return <span style={{ color: '#8c8c8c' }}>—</span>;
  if (review.eligible) return <Tag color="success">{t('recuperation.review.eligible')}</Tag>;
  const reasons = review.reasons.map((r) => <div key={r.code}>{r.message}</div>);
  return (
    <div style={{ maxWidth: 260 }}>
      <Tooltip
        title={
          <>
            <div>{t('recuperation.review.title')}</div>
            {reasons}
          </>
        }
      >
        <Tag color="warning">{t('recuperation.review.ineligible', { n: review.reasons.length })}</Tag>
      </Tooltip>
      <div style={{ fontSize: 12, color: '#ad6800', marginTop: 4 }}>{reasons}</div>
    </div>
  );
}
