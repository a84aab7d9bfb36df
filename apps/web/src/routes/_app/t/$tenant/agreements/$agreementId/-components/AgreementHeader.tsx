import { Link } from '@tanstack/react-router';
import { Alert, Breadcrumb, Collapse, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { HashText } from '@/routes/_app/t/$tenant/agreements/-components/HashText.tsx';
import { StatusTag } from '@/routes/_app/t/$tenant/agreements/-components/StatusTag.tsx';
import { useAgreement } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';
import { personLabel } from '@/components/Person.tsx';

/** Title, status, parties, term, the version on the table and, once frozen, its hash. */
export function AgreementHeader() {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  const a = useAgreement();
  const v = a.currentVersion;
  const inForce = a.inForceVersionId && a.inForceVersionId !== v.id ? a.versions.find((x) => x.id === a.inForceVersionId) : null;
  const content = v.content;

  return (
    <div style={{ marginBottom: 8 }}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/t/$tenant/agreements" params={{ tenant: slug }}>{t('agreements.title')}</Link> }, { title: t('agreements.detail') }]}
      />
      <Typography.Title level={3} style={{ margin: '0 0 8px', overflowWrap: 'anywhere' }}>
        {content.title}
      </Typography.Title>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="agreement-number">
          {a.number}
        </Typography.Text>
        <StatusTag agreement={a} testId="agreement-status" />
      </Flex>
      {a.parties
        .filter((p) => p.suspended)
        .map((p) => (
          <Alert key={p.slug} type="warning" showIcon style={{ marginBottom: 12 }} data-testid="agreement-party-suspended" title={t('agreements.partySuspended', { party: localName(locale, p) })} />
        ))}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: 'parties',
            label: t('agreements.field.parties'),
            children: (
              <Flex gap={12} wrap>
                {a.parties.map((p) => (
                  <span key={p.slug} style={{ whiteSpace: 'nowrap' }}>
                    {localName(locale, p)}
                    {p.role === 'initiator' && (
                      <Tag bordered={false} style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>
                        {t('agreements.initiator')}
                      </Tag>
                    )}
                  </span>
                ))}
              </Flex>
            ),
          },
          {
            key: 'term',
            label: t('agreements.field.term'),
            children: t('agreements.termRange', { start: formatDate(content.termStart, locale), end: formatDate(content.termEnd, locale) }),
          },
          {
            key: 'version',
            label: t('agreements.field.currentVersion'),
            children: t('agreements.versionLine', { number: v.number, by: personLabel(t, v.createdBy), at: formatDateTime(v.createdAt) }),
          },
          ...(inForce ? [{ key: 'inForce', label: t('agreements.field.inForceVersion'), children: t('agreements.versionNumber', { number: inForce.number }) }] : []),
          ...(a.terminationReason ? [{ key: 'termination', label: t('agreements.field.terminationReason'), span: 'filled' as const, children: a.terminationReason }] : []),
        ]}
      />
      <Collapse
        size="small"
        ghost
        style={{ marginTop: 4 }}
        data-testid="agreement-tech"
        items={[
          {
            key: 'tech',
            label: t('agreements.techInfo'),
            children: (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'id', label: t('agreements.field.id'), children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{a.id}</Typography.Text> },
                  ...(v.frozen && v.contentHash ? [{ key: 'hash', label: t('agreements.field.hash'), children: <HashText hash={v.contentHash} testId="agreement-hash" /> }] : []),
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
