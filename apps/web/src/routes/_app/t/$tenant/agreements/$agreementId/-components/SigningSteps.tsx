import type { AgreementDto } from '@uc/contracts';
import { Steps } from 'antd';
import { useT } from '@/lib/locale.ts';
import { collectingSignatures, progressOf, STEP_KEYS } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';

/** 起草 → 协商 → 签署 → 生效 (or the same for an amendment), with how many parties have signed. */
export function SigningSteps({ agreement: a, size }: { agreement: AgreementDto; size?: 'small' }) {
  const t = useT();
  const p = progressOf(a);
  const signedCount = a.parties.filter((x) => x.signature?.decision === 'signed').length;
  const prefix = p.amendment ? 'agreements.step.amendment' : 'agreements.step';
  return (
    <Steps
      size={size ?? 'medium'}
      current={p.current}
      status={p.state}
      data-testid="signing-steps"
      items={STEP_KEYS.map((key, i) => ({
        title: i === 3 && p.ended ? t(`agreementStatus.${p.ended}`) : t(`${prefix}.${key}`),
        content:
          i === 2 && (collectingSignatures(a) || a.status === 'declined')
            ? t('agreements.step.signedCount', { signed: signedCount, total: a.parties.length })
            : undefined,
      }))}
    />
  );
}
