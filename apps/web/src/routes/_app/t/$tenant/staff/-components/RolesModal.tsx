import { useMutation } from '@tanstack/react-query';
import type { StaffDto, StaffRole } from '@uc/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { RoleChoices } from './RoleChoices.tsx';
import { ScopePicker } from './ScopePicker.tsx';

/** a refused scope (an admin or caseworker limited to a unit) says why, under its field's name */
const saveProblem = (e: { message: string; fields: Record<string, string> }) => e.fields.orgUnitId ?? e.message;

export function RolesModal({ staff, onClose }: { staff: StaffDto; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<{ roles: StaffRole[]; orgUnitId: string | null }>();
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
          <ScopePicker />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={saveProblem(errorInfo(save.error, t('common.networkError')))} />}
    </Modal>
  );
}
