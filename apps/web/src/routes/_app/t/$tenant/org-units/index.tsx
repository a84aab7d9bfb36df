import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import type { OrgUnitDto } from '@uc/contracts';
import { Alert, Button, Card, Empty, Input, List, Tag, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree } from '@/lib/orgTree.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { KIND_COLOR } from './-components/kinds.ts';
import { MoveModal } from './-components/MoveModal.tsx';
import { OrgUnitFormModal, type OrgUnitFormTarget } from './-components/OrgUnitFormModal.tsx';
import { OrgUnitTable } from './-components/OrgUnitTable.tsx';

export const Route = createFileRoute('/_app/t/$tenant/org-units/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).orgUnit.list.queryOptions()),
  component: OrgUnitsPage,
});

function OrgUnitsPage() {
  const t = useT();
  const { api, roles } = useTenant();
  const { data: units } = useSuspenseQuery(api.orgUnit.list.queryOptions());
  const tree = useMemo(() => buildOrgTree(units), [units]);
  const [form, setForm] = useState<OrgUnitFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgUnitDto | null>(null);
  const canEdit = access.manageOrgUnits(roles);
  const root = tree[0];
  const [q, setQ] = useState('');
  const query = useDeferredValue(q.trim());
  const search = useQuery({ ...api.orgUnit.search.queryOptions({ q: query }), enabled: query.length > 0, placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        subtitle={t('orgUnits.subtitle')}
        extra={
          canEdit &&
          root && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create', parent: root })}>
              {t('orgUnits.addChild')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        aria-label={t('orgUnits.search')}
        placeholder={t('orgUnits.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        maxLength={80}
        style={{ marginBottom: 16, maxWidth: 480 }}
        loading={search.isFetching}
      />
      {query && search.data ? (
        <Card styles={{ body: { padding: '0 16px' } }}>
          {search.data.truncated && <Alert type="info" showIcon title={t('orgUnits.searchTruncated')} style={{ margin: '12px 0' }} />}
          <List
            dataSource={search.data.items}
            locale={{ emptyText: <Empty description={t('orgUnits.searchEmpty', { q: query })} /> }}
            renderItem={(u) => (
              <List.Item
                actions={
                  canEdit
                    ? [
                        <Button key="edit" type="link" size="small" onClick={() => setForm({ mode: 'edit', unit: u })}>
                          {t('common.edit')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      <strong style={{ fontWeight: 500 }}>{u.name}</strong> <Tag color={KIND_COLOR[u.kind]}>{t(`orgUnitKind.${u.kind}`)}</Tag>
                      {u.code && <Typography.Text code>{u.code}</Typography.Text>}
                    </span>
                  }
                  description={
                    <>
                      {u.path.length > 0 && <div style={{ wordBreak: 'break-all' }}>{u.path.join(' / ')}</div>}
                      <div>
                        {t('orgUnits.members')}：{u.memberCount}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ) : (
      <Card styles={{ body: { padding: 0 } }}>
        {tree.length === 0 ? (
          <Empty style={{ padding: 48 }} description={t('orgUnits.empty')} />
        ) : (
          <OrgUnitTable
            tree={tree}
            canEdit={canEdit}
            onAddChild={(parent) => setForm({ mode: 'create', parent })}
            onEdit={(unit) => setForm({ mode: 'edit', unit })}
            onMove={setMoving}
          />
        )}
      </Card>
      )}
      {form && <OrgUnitFormModal target={form} onClose={() => setForm(null)} />}
      {moving && <MoveModal unit={moving} units={units} onClose={() => setMoving(null)} />}
    </>
  );
}
