import type { EligibilityDto } from '@uc/contracts';
import { Alert } from 'antd';
import { useT } from '@/lib/locale.ts';

/** Why the member may not book (each reason as the API wrote it), or the places their unit has left. */
export function EligibilityNotice({ eligibility, booked }: { eligibility: EligibilityDto | null; booked: boolean }) {
  const t = useT();
  if (!eligibility || booked) return null;
  if (!eligibility.eligible) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginTop: 12 }}
        title={t('booking.eligibility.no')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="eligibility-reasons">
            {eligibility.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        }
      />
    );
  }
  if (eligibility.placesLeft === null) return null;
  return <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('booking.eligibility.placesLeft', { n: eligibility.placesLeft })} />;
}
