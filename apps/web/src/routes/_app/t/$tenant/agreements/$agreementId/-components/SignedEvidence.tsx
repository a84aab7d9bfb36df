import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { AgreementDto } from '@uc/contracts';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { HashText } from '@/routes/_app/t/$tenant/agreements/-components/HashText.tsx';
import { agreementPdfUrl } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';

/**
 * The signed agreement as evidence: the PDF (text, parties, signatures, hash, certificate page) and
 * a check that recomputes the stored version's hash and compares it with the frozen one.
 */
export function SignedEvidence({ agreement: a }: { agreement: AgreementDto }) {
  const t = useT();
  const { api, slug } = useTenant();
  const check = useQuery({ ...api.agreement.verify.queryOptions({ id: a.id }), enabled: false, gcTime: 0, retry: false });
  const version = a.versions.find((v) => v.id === (a.inForceVersionId ?? a.currentVersion.id));
  const r = check.data;

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {a.inForceVersionId ? t('agreements.evidence.inForce', { number: version?.number ?? '' }) : t('agreements.evidence.frozen', { number: version?.number ?? '' })}
      </Typography.Text>
      <Flex gap={8} wrap>
        <Button type="primary" icon={<FilePdfOutlined />} href={agreementPdfUrl(slug, a.id)} data-testid="agreement-pdf">
          {t('agreements.evidence.pdf')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void check.refetch()} loading={check.isFetching}>
          {t('agreements.evidence.verify')}
        </Button>
      </Flex>
      {r && !check.isFetching && (
        <Alert
          type={r.matches ? (r.signaturesMatch || !a.inForceVersionId ? 'success' : 'warning') : 'error'}
          showIcon
          data-testid="verify-result"
          title={r.matches ? t('agreements.evidence.matches') : t('agreements.evidence.mismatch')}
          description={
            <Flex vertical gap={4}>
              <span>{t('agreements.evidence.recomputed')}</span>
              <HashText hash={r.recomputedHash} />
              <span>{t('agreements.evidence.stored')}</span>
              {r.storedHash ? <HashText hash={r.storedHash} /> : <span>—</span>}
              <span>{r.signaturesMatch ? t('agreements.evidence.signaturesMatch') : t('agreements.evidence.signaturesMismatch')}</span>
            </Flex>
          }
        />
      )}
      {check.error && <Alert type="error" showIcon title={errorInfo(check.error, t('common.networkError')).message} />}
    </Flex>
  );
}
