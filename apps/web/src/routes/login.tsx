import { LockOutlined, MailOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link, redirect, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import type { MeDto } from '@uc/contracts';
import { Alert, Button, Flex, Form, Input, Segmented, Typography } from 'antd';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { errorInfo } from '../lib/errors.ts';
import { setLocale, useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';
import { type Search, params, optionalString } from '../lib/search.ts';

const search = (s: Search) => params({ redirect: optionalString(s.redirect, { max: 2000 }) });

/** Where to go after signing in: the page asked for (on this site only), else the first federation. */
function destination(me: NonNullable<MeDto>, asked: string | undefined): string {
  if (asked && asked.startsWith('/') && !asked.startsWith('//') && !asked.startsWith('/login')) return asked;
  const first = me.memberships[0];
  if (me.user.platformRole === 'operator' && !first) return '/platform';
  return first ? `/t/${first.slug}` : '/account';
}

export const Route = createFileRoute('/login')({
  validateSearch: search,
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(api.auth.me.queryOptions());
    if (me) throw redirect({ href: destination(me, search.redirect) });
  },
  component: LoginPage,
});

function LoginPage() {
  const t = useT();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { redirect: asked } = Route.useSearch();
  const [by, setBy] = useState<'email' | 'mobile'>('email');
  const onSuccess = async (me: MeDto) => {
    if (!me) return;
    void setLocale(me.user.locale);
    queryClient.setQueryData(api.auth.me.queryKey(), me);
    await router.navigate({ href: destination(me, asked) });
  };
  const signIn = useMutation(api.auth.signIn.mutationOptions({ onSuccess }));
  const signInMobile = useMutation(api.auth.signInMobile.mutationOptions({ onSuccess }));
  const error = by === 'email' ? signIn.error : signInMobile.error;
  const failure = error ? errorInfo(error, t('common.networkError')) : null;
  const pending = signIn.isPending || signInMobile.isPending;

  return (
    <AuthFrame title={t('login.title')}>
      <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
      <Segmented
        block
        value={by}
        onChange={(v) => setBy(v as 'email' | 'mobile')}
        options={[
          { value: 'email', label: t('onboard.byEmail') },
          { value: 'mobile', label: t('onboard.byMobile') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {by === 'mobile' ? (
        <Form layout="vertical" requiredMark={false} onFinish={(v: { mobile: string; password: string }) => signInMobile.mutate(v)} disabled={pending}>
          <Form.Item name="mobile" label={t('onboard.mobile')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('onboard.mobileInvalid') }]}>
            <Input prefix={<MobileOutlined />} inputMode="numeric" autoComplete="username" size="large" maxLength={11} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={signInMobile.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      ) : (
      <Form layout="vertical" requiredMark={false} onFinish={(v: { email: string; password: string }) => signIn.mutate(v)} disabled={pending}>
        <Form.Item
          name="email"
          label={t('login.email')}
          rules={[
            { required: true, message: t('common.required', { field: t('login.email') }) },
            { type: 'email', message: t('login.emailInvalid') },
          ]}
        >
          <Input prefix={<MailOutlined />} placeholder={t('login.emailPlaceholder')} autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      )}
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
        <Link to="/forgot">{t('onboard.forgot')}</Link>
        <Link to="/activate">{t('onboard.activateLink')}</Link>
      </Flex>
    </AuthFrame>
  );
}
