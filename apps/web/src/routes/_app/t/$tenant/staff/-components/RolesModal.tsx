import { useMutation, useQuery } from '@tanstack/react-query';
import type { StaffDto, StaffRole } from '@uc/contracts';
import { Alert, App, Form, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions } from '@/lib/orgTree.ts';
import { RoleChoices } from './RoleChoices.tsx';

export function RolesModal({ staff, onClose }: { staff: StaffDto; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<{ roles: StaffRole[]; orgUnitId: string | null }>();
  // the scope: an org unit (and the units below it) this person acts for; empty = the whole federation
  const units = useQuery(api.orgUnit.list.queryOptions());
  const options = useMemo(() => orgTreeOptions(buildOrgTree(units.data ?? [])), [units.data]);
  const save = useMutation(
    api.staff.updateRoles.mutationOptions({
      onSuccess: () => {
        void message.success(t('staff.rolesSaved'));
        onClose();
        return refresh({ me: true });
      },
    }),
  );
  return (
    <Modal
      open
      title={t('staff.editRolesTitle', { name: staff.displayName })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: staff.roles, orgUnitId: staff.orgUnit?.id ?? null }}
        onFinish={(v) => save.mutate({ membershipId: staff.membershipId, roles: v.roles, orgUnitId: v.orgUnitId ?? null })}
      >
        <Form.Item name="roles" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
          <RoleChoices />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('staff.scope')} extra={t('staff.scopeHint')}>
          <TreeSelect
            allowClear
            loading={units.isPending}
            treeData={options}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('staff.scopeAll')}
            aria-label={t('staff.scope')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={errorInfo(save.error, t('common.networkError')).message} />}
    </Modal>
  );
}
