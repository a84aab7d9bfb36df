import { LockOutlined, MailOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { Alert, Button, Form, Input, Segmented } from 'antd';
import { useState } from 'react';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { errorInfo } from '../lib/errors.ts';
import { useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

export const Route = createFileRoute('/forgot')({ component: ForgotPage });

/** Forgot password: staff get a link by email; members a code by SMS, then set a new password here. */
function ForgotPage() {
  const t = useT();
  const [who, setWho] = useState<'staff' | 'member'>('member');
  return (
    <AuthFrame title={t('onboard.forgotTitle')}>
      <Segmented
        block
        value={who}
        onChange={(v) => setWho(v as 'staff' | 'member')}
        options={[
          { value: 'member', label: t('onboard.memberTab') },
          { value: 'staff', label: t('onboard.staffTab') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {who === 'staff' ? <StaffReset /> : <MemberReset />}
      <div style={{ marginTop: 16 }}>
        <Link to="/login">{t('onboard.toLogin')}</Link>
      </div>
    </AuthFrame>
  );
}

function StaffReset() {
  const t = useT();
  const request = useMutation(api.auth.requestPasswordReset.mutationOptions());
  const failure = request.error ? errorInfo(request.error, t('common.networkError')) : null;
  if (request.isSuccess) return <Alert type="success" showIcon title={t('onboard.linkSent')} />;
  return (
    <Form layout="vertical" requiredMark={false} onFinish={(v: { email: string }) => request.mutate(v)}>
      <Form.Item name="email" label={t('onboard.email')} rules={[{ required: true, type: 'email', message: t('login.emailInvalid') }]}>
        <Input prefix={<MailOutlined />} autoComplete="username" size="large" />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={request.isPending}>
        {t('onboard.sendLink')}
      </Button>
    </Form>
  );
}

function MemberReset() {
  const t = useT();
  const [form] = Form.useForm<{ mobile: string; code: string; password: string }>();
  const [sent, setSent] = useState(false);
  const request = useMutation(api.auth.requestSmsReset.mutationOptions({ onSuccess: () => setSent(true) }));
  const reset = useMutation(api.auth.resetPasswordBySms.mutationOptions());
  const error = request.error ?? reset.error;
  const failure = error ? errorInfo(error, t('common.networkError')) : null;
  if (reset.isSuccess) return <Alert type="success" showIcon title={t('onboard.resetDone')} />;
  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => reset.mutate(v)}>
      <Form.Item name="mobile" label={t('onboard.mobile')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('onboard.mobileInvalid') }]}>
        <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="username" size="large" maxLength={11} disabled={sent} />
      </Form.Item>
      {!sent ? (
        <Button block size="large" type="primary" loading={request.isPending} onClick={async () => request.mutate({ mobile: (await form.validateFields(['mobile'])).mobile })}>
          {t('onboard.sendCode')}
        </Button>
      ) : (
        <>
          <Alert type="info" showIcon title={t('onboard.codeSent')} style={{ marginBottom: 16 }} />
          <Form.Item name="code" label={t('onboard.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('onboard.codeInvalid') }]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" size="large" maxLength={6} />
          </Form.Item>
          <Form.Item name="password" label={t('onboard.newPassword')} rules={[{ required: true, min: 10, message: t('onboard.passwordShort') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
            {t('onboard.resetSubmit')}
          </Button>
        </>
      )}
      {failure && <Alert type="error" showIcon title={failure.message} style={{ marginTop: 16 }} />}
    </Form>
  );
}
