import { useMutation } from '@tanstack/react-query';
import type { StaffRole } from '@uc/contracts';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { RoleChoices } from './RoleChoices.tsx';
import { ScopePicker } from './ScopePicker.tsx';

interface Values {
  email: string;
  displayName: string;
  title?: string;
  roles: StaffRole[];
  orgUnitId?: string | null;
}

/** Invites someone by email; afterwards shows the link so it can be passed on by hand too. */
export function InviteModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const invite = useMutation(
    api.staff.invite.mutationOptions({
      onSuccess: () => refresh(),
      onError: (err) => showFieldErrors(form, errorInfo(err, '').fields),
    }),
  );

  const problem = formProblem(invite.error, t('common.networkError'));

  if (invite.data) {
    return (
      <Modal open title={t('invitations.inviteTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('import.done')}</Button>}>
        <Result status="success" title={t('invitations.sent')} style={{ padding: '8px 0' }} />
        <Typography.Paragraph>{t('invitations.sentBody', { email: invite.data.invitation.email })}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={invite.data.link} onFocus={(e) => e.target.select()} aria-label={t('invitations.link')} data-testid="invite-link" />
          <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard.writeText(invite.data.link).then(() => message.success(t('common.copied')))}>
            {t('common.copy')}
          </Button>
        </Space.Compact>
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('invitations.inviteTitle')}
      okText={t('invitations.invite')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={invite.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ roles: ['officer'] }} onFinish={(v) => invite.mutate({ ...v, orgUnitId: v.orgUnitId ?? null })} disabled={invite.isPending}>
        <Form.Item name="email" label={t('invitations.email')} rules={[{ required: true, type: 'email', message: t('login.emailInvalid') }]}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('invitations.displayName')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required', { field: t('invitations.displayName') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="title" label={t('staff.jobTitle')} extra={t('staff.jobTitleHint')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="roles" label={t('invitations.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
          <RoleChoices />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('staff.scope')} extra={t('staff.scopeHint')}>
          <ScopePicker />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
