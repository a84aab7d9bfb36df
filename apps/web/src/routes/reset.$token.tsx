import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { Alert, Button, Form, Input } from 'antd';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

export const Route = createFileRoute('/reset/$token')({ component: ResetPage });

/** The page a staff reset link opens: a new password, then every session of the account ends. */
function ResetPage() {
  const t = useT();
  const { token } = Route.useParams();
  const reset = useMutation(api.auth.resetPassword.mutationOptions());
  const failure = reset.error ? errorInfo(reset.error, t('common.networkError')) : null;
  return (
    <AuthFrame title={t('onboard.resetTitle')}>
      {reset.isSuccess ? (
        <Alert type="success" showIcon title={t('onboard.resetDone')} />
      ) : (
        <Form layout="vertical" requiredMark={false} onFinish={(v: { password: string }) => reset.mutate({ token, password: v.password })}>
          <Form.Item name="password" label={t('onboard.newPassword')} rules={[{ required: true, min: 10, message: t('onboard.passwordShort') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
            {t('onboard.resetSubmit')}
          </Button>
        </Form>
      )}
      <div style={{ marginTop: 16 }}>
        <Link to="/login">{t('onboard.toLogin')}</Link>
      </div>
    </AuthFrame>
  );
}
