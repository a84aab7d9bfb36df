import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import type { OrgUnitDto } from '@uc/contracts';
import { Button, Card, Empty } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../../../components/PageHeader.tsx';
import { useTenant } from '../../../../../components/session.ts';
import { access } from '../../../../../lib/access.ts';
import { useT } from '../../../../../lib/locale.ts';
import { buildOrgTree } from '../../../../../lib/orgTree.ts';
import { tenantApi } from '../../../../../lib/trpc.ts';
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
      {form && <OrgUnitFormModal target={form} onClose={() => setForm(null)} />}
      {moving && <MoveModal unit={moving} units={units} onClose={() => setMoving(null)} />}
    </>
  );
}
