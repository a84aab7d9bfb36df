import type { AgreementDto } from '@uc/contracts';
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@/lib/locale.ts';
import { pendingParties } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';
import { usePartyName } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';

/** One sentence on where the agreement stands and what happens next. */
export function NextStep({ agreement: a, action }: { agreement: AgreementDto; action?: ReactNode }) {
  const t = useT();
  const name = usePartyName(a);
  const v = a.currentVersion;
  const pending = pendingParties(a)
    .map((p) => name(p.slug))
    .join('、');
  const decliner = a.parties.find((p) => p.signature?.decision === 'declined');
  const inForce = a.versions.find((x) => x.id === a.inForceVersionId);

  let type: 'info' | 'success' | 'warning' | 'error' = 'info';
  let text: string;
  switch (a.status) {
    case 'draft':
      text = a.can.openNegotiation ? t('agreements.next.draftCan') : t('agreements.next.draft');
      break;
    case 'negotiating':
      text = a.can.sendForSignature ? t('agreements.next.negotiatingCan') : t('agreements.next.negotiating');
      break;
    case 'signing':
      type = 'warning';
      text = t('agreements.next.signing', { number: v.number, pending });
      break;
    case 'declined':
      type = 'error';
      text = t('agreements.next.declined', { party: name(decliner?.slug), reason: decliner?.signature?.reason ?? '' });
      break;
    case 'terminated':
      type = 'error';
      text = t('agreements.next.terminated', { reason: a.terminationReason ?? '' });
      break;
    case 'expired':
      text = t('agreements.next.expired');
      break;
    case 'active':
      if (a.amendment === 'negotiating') text = t('agreements.next.amendmentNegotiating', { number: inForce?.number ?? '' });
      else if (a.amendment === 'signing') {
        type = 'warning';
        text = t('agreements.next.amendmentSigning', { number: v.number, pending, inForce: inForce?.number ?? '' });
      } else {
        type = 'success';
        text = t('agreements.next.active', { number: inForce?.number ?? v.number });
      }
  }
  return <Alert type={type} showIcon title={text} action={action} style={{ marginBottom: 16 }} data-testid="next-step" />;
}
