import { useRouter } from '@tanstack/react-router';
import type { AgreementDto } from '@uc/contracts';
import { Alert, Button, Flex, Popconfirm } from 'antd';
import { useEffect, useRef } from 'react';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { usePartyName } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { personLabel } from '@/components/Person.tsx';

interface Props {
  agreement: AgreementDto;
  baseVersion: { id: string; number: number };
  /** the last save was refused because of the newer version (rather than noticed before saving) */
  refused: boolean;
  onMerge(): void;
  onDiscard(): void;
}

/**
 * Someone saved a newer version while this user edits. Their text stays in the form; they can see
 * what changed, carry their changes over onto the newer version, or drop them.
 */
export function ConflictAlert({ agreement: a, baseVersion, refused, onMerge, onDiscard }: Props) {
  const t = useT();
  const { slug } = useTenant();
  const name = usePartyName(a);
  const latest = a.currentVersion;
  const vars = { number: latest.number, base: baseVersion.number, party: name(latest.createdBySlug), by: personLabel(t, latest.createdBy), at: formatDateTime(latest.createdAt) };
  const router = useRouter();
  // opens in a new tab, so the form with the user's text stays as it is here
  const compareHref = router.buildLocation({
    to: '/t/$tenant/agreements/$agreementId/compare',
    params: { tenant: slug, agreementId: a.id },
    search: { left: baseVersion.id, right: latest.id },
  }).href;

  const box = useRef<HTMLDivElement>(null);
  // the save button sits at the bottom of a long form: bring the refusal into view
  useEffect(() => {
    if (refused) box.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [refused]);

  return (
    <div ref={box}>
      <Alert
        type={refused ? 'error' : 'warning'}
        showIcon
        data-testid="editor-conflict"
        title={refused ? t('agreements.conflict.refused', vars) : t('agreements.conflict.newer', vars)}
        description={
          <>
            <div style={{ marginBottom: 8 }}>{t('agreements.conflict.kept')}</div>
            <Flex gap={8} wrap>
              <Button type="primary" size="small" onClick={onMerge}>
                {t('agreements.conflict.merge')}
              </Button>
              <Button size="small" href={compareHref} target="_blank" rel="noopener">
                {t('agreements.conflict.view')}
              </Button>
              <Popconfirm title={t('agreements.conflict.discardConfirm')} onConfirm={onDiscard} okText={t('agreements.conflict.discard')} cancelText={t('agreements.cancel')}>
                <Button size="small" danger>
                  {t('agreements.conflict.discard')}
                </Button>
              </Popconfirm>
            </Flex>
          </>
        }
        style={{ marginBottom: 16 }}
      />
    </div>
  );
}
