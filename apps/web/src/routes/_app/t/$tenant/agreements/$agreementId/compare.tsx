import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Alert, Card, Col, Empty, Flex, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { useAgreement } from '../-components/useAgreement.ts';
import { CompareView } from './-components/CompareView.tsx';
import { type Search, params, optionalUuid, optionalBoolean } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({
  left: optionalUuid(s.left),
  right: optionalUuid(s.right),
  changesOnly: optionalBoolean(s.changesOnly),
});

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/compare')({
  validateSearch: searchSchema,
  component: ComparePage,
});

/** Any two versions side by side, clause by clause. */
function ComparePage() {
  const t = useT();
  const { api } = useTenant();
  const a = useAgreement();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  // by default: the version before the current one against the current one
  const right = search.right ?? a.currentVersion.id;
  const left = search.left ?? a.versions.find((v) => v.id !== right && v.number < (a.versions.find((x) => x.id === right)?.number ?? 0))?.id ?? right;
  const diff = useQuery({ ...api.agreement.compare.queryOptions({ id: a.id, leftVersionId: left, rightVersionId: right }), enabled: left !== right });
  const options = a.versions.map((v) => ({ value: v.id, label: `${t('agreements.versionNumber', { number: v.number })} · ${formatDateTime(v.createdAt)}` }));
  const set = (patch: Partial<ReturnType<typeof searchSchema>>) => void navigate({ search: (prev) => ({ ...prev, left, right, ...patch }), replace: true });

  if (a.versions.length < 2) {
    return (
      <Card>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.compare.onlyOne')} />
      </Card>
    );
  }
  return (
    <Card>
      <Row gutter={[12, 12]} align="middle" style={{ marginBottom: 16 }}>
        <Col xs={24} md={9}>
          <Typography.Text type="secondary">{t('agreements.compare.left')}</Typography.Text>
          <Select value={left} onChange={(v: string) => set({ left: v })} options={options} style={{ width: '100%' }} aria-label={t('agreements.compare.left')} />
        </Col>
        <Col xs={24} md={9}>
          <Typography.Text type="secondary">{t('agreements.compare.right')}</Typography.Text>
          <Select value={right} onChange={(v: string) => set({ right: v })} options={options} style={{ width: '100%' }} aria-label={t('agreements.compare.right')} />
        </Col>
        <Col xs={24} md={6}>
          <Flex gap={8} align="center" style={{ paddingTop: 20 }}>
            <Switch checked={!!search.changesOnly} onChange={(on) => set({ changesOnly: on || undefined })} aria-label={t('agreements.compare.changesOnly')} />
            <span>{t('agreements.compare.changesOnly')}</span>
          </Flex>
        </Col>
      </Row>
      {left === right ? (
        <Alert type="info" showIcon title={t('agreements.compare.same')} />
      ) : diff.error ? (
        <Alert type="error" showIcon title={errorInfo(diff.error, t('common.networkError')).message} />
      ) : !diff.data ? (
        <Skeleton active />
      ) : (
        <CompareView diff={diff.data} changesOnly={!!search.changesOnly} />
      )}
    </Card>
  );
}
