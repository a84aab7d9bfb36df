import { IdcardOutlined, LockOutlined, MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link, useRouter } from '@tanstack/react-router';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { errorInfo } from '../lib/errors.ts';
import { setLocale, useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

export const Route = createFileRoute('/activate')({ component: ActivatePage });

/** A member activates their account from their phone: mobile + last six of the ID number → SMS code → password. */
function ActivatePage() {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ mobile: string; idLast6: string; code: string; password: string }>();
  const [sent, setSent] = useState(false);
  const request = useMutation(api.member.requestActivationCode.mutationOptions({ onSuccess: () => setSent(true) }));
  const activate = useMutation(
    api.member.activateAccount.mutationOptions({
      onSuccess: async (me) => {
        if (!me) return;
        void setLocale(me.user.locale);
        queryClient.setQueryData(api.auth.me.queryKey(), me);
        const first = me.memberships[0];
        await router.navigate({ href: first ? `/t/${first.slug}` : '/account' });
      },
    }),
  );
  const error = request.error ?? activate.error;
  const failure = error ? errorInfo(error, t('common.networkError')) : null;
  const sendCode = async () => {
    const v = await form.validateFields(['mobile', 'idLast6']);
    request.mutate({ mobile: v.mobile, idLast6: v.idLast6 });
  };
  return (
    <AuthFrame title={t('onboard.activateTitle')}>
      <Typography.Paragraph type="secondary">{t('onboard.activateHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => activate.mutate({ mobile: v.mobile, code: v.code, password: v.password })}>
        <Form.Item name="mobile" label={t('onboard.mobile')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('onboard.mobileInvalid') }]}>
          <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="tel" size="large" maxLength={11} disabled={sent} />
        </Form.Item>
        <Form.Item name="idLast6" label={t('onboard.idLast6')} rules={[{ required: true, pattern: /^\d{5}[\dXx]$/, message: t('onboard.idLast6Invalid') }]}>
          <Input prefix={<IdcardOutlined />} size="large" maxLength={6} disabled={sent} />
        </Form.Item>
        {!sent ? (
          <Button block size="large" type="primary" onClick={sendCode} loading={request.isPending}>
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
            <Button type="primary" htmlType="submit" block size="large" loading={activate.isPending}>
              {t('onboard.activateSubmit')}
            </Button>
          </>
        )}
        {failure && <Alert type="error" showIcon title={failure.message} style={{ marginTop: 16 }} />}
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/login">{t('onboard.toLogin')}</Link>
      </div>
    </AuthFrame>
  );
}
