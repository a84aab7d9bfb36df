import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { api } from '@/lib/trpc.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation(
    api.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        void message.success(t('account.passwordChanged'));
      },
      onError: (err) => showFieldErrors(form, errorInfo(err, '').fields),
    }),
  );
  const problem = formProblem(change.error, t('common.networkError'));

  return (
    <Card title={t('account.password')} style={{ height: '100%' }}>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={change.isPending}
        onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
        style={{ maxWidth: 420 }}
      >
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('account.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('invite.passwordHint')} rules={[{ required: true, min: 10, message: t('password.tooShort') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('invite.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('invite.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.password')}
        </Button>
      </Form>
    </Card>
  );
}
