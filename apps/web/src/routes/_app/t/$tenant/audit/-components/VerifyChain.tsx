import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** Recomputes the hash chain on the server and says whether it holds, or where it breaks. */
export function VerifyChain() {
  const t = useT();
  const { api, slug } = useTenant();
  const check = useQuery({ ...api.audit.verify.queryOptions(), enabled: false, gcTime: 0, retry: false });

  return (
    <Flex vertical align="flex-end" gap={8} style={{ maxWidth: 480 }}>
      <Flex gap={8}>
        {/* the chain's head, signed: kept outside the platform, it shows a later cut tail (docs/decisions/0024) */}
        <Button icon={<DownloadOutlined />} href={`/api/t/${slug}/audit/statement.json`} title={t('audit.statementHint')}>
          {t('audit.statement')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => void check.refetch()} loading={check.isFetching}>
          {t('audit.verify')}
        </Button>
      </Flex>
      {check.data && !check.isFetching && (
        <Alert
          showIcon
          type={check.data.ok ? 'success' : 'error'}
          title={check.data.ok ? t('audit.verifyOk', { checked: check.data.checked }) : t('audit.verifyBroken', { seq: check.data.brokenAtSeq ?? '?' })}
          data-testid="audit-verify-result"
        />
      )}
      {check.error && <Alert showIcon type="error" title={errorInfo(check.error, t('common.networkError')).message} />}
    </Flex>
  );
}
