import { Link } from '@tanstack/react-router';
import type { AgreementDto } from '@uc/contracts';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { usePartyName } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { personLabel } from '@/components/Person.tsx';

/** Every version, newest first: who saved it and when, its note, and a link to compare it with the one before. */
export function VersionList({ agreement: a }: { agreement: AgreementDto }) {
  const t = useT();
  const { slug } = useTenant();
  const name = usePartyName(a);
  return (
    <List
      dataSource={a.versions}
      data-testid="version-list"
      renderItem={(v, i) => {
        const previous = a.versions[i + 1];
        return (
          <List.Item style={{ display: 'block' }}>
            <Flex justify="space-between" align="flex-start" gap={8} wrap>
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{t('agreements.versionNumber', { number: v.number })}</Typography.Text>
                  {v.id === a.currentVersion.id && <Tag color="blue">{t('agreements.version.current')}</Tag>}
                  {v.id === a.inForceVersionId && <Tag color="green">{t('agreements.version.inForce')}</Tag>}
                  {v.frozen && <Tag color="gold">{t('agreements.version.frozen')}</Tag>}
                </Flex>
                {v.note && <div style={{ overflowWrap: 'anywhere' }}>{v.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                  {t('agreements.version.savedBy', { party: name(v.createdBySlug), by: personLabel(t, v.createdBy), at: formatDateTime(v.createdAt) })}
                </Typography.Text>
              </div>
              {previous && (
                <Link
                  to="/t/$tenant/agreements/$agreementId/compare"
                  params={{ tenant: slug, agreementId: a.id }}
                  search={{ left: previous.id, right: v.id }}
                >
                  <Button size="small">{t('agreements.version.compareWithPrevious')}</Button>
                </Link>
              )}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
