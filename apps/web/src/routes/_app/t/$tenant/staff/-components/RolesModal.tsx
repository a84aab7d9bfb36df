import { useMutation } from '@tanstack/react-query';
import type { StaffDto, StaffRole } from '@uc/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useRefreshTenant, useTenant } from '../../../../../../components/session.ts';
import { errorInfo } from '../../../../../../lib/errors.ts';
import { useT } from '../../../../../../lib/locale.ts';
import { RoleChoices } from './RoleChoices.tsx';

export function RolesModal({ staff, onClose }: { staff: StaffDto; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<{ roles: StaffRole[] }>();
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
      <Form form={form} initialValues={{ roles: staff.roles }} onFinish={(v) => save.mutate({ membershipId: staff.membershipId, roles: v.roles })}>
        <Form.Item name="roles" rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
          <RoleChoices />
        </Form.Item>
      </Form>
      {save.error && <Alert type="error" showIcon title={errorInfo(save.error, t('common.networkError')).message} />}
    </Modal>
  );
}
