import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { Alert, Button, Descriptions, Form, Input, Result, Typography } from 'antd';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { RoleTags } from '../components/RoleTags.tsx';
import { errorInfo, formProblem, showFieldErrors } from '../lib/errors.ts';
import { localName } from '../lib/i18n.ts';
import { setLocale, useLocale, useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

export const Route = createFileRoute('/invite/$token')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(api.auth.previewInvitation.queryOptions({ token: params.token })),
  component: InvitePage,
  errorComponent: InvalidInvitation,
});

interface Values {
  displayName?: string;
  password: string;
  confirm?: string;
}

function InvitePage() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { token } = Route.useParams();
  const { data: invitation } = useSuspenseQuery(api.auth.previewInvitation.queryOptions({ token }));
  const [form] = Form.useForm<Values>();
  const federation = localName(locale, { nameZh: invitation.federationNameZh, nameEn: invitation.federationNameEn });

  const accept = useMutation(
    api.auth.acceptInvitation.mutationOptions({
      onSuccess: async (me) => {
        if (!me) return;
        void setLocale(me.user.locale);
        queryClient.setQueryData(api.auth.me.queryKey(), me);
        await router.navigate({ to: '/' });
      },
      onError: (err) => {
        showFieldErrors(form, errorInfo(err, t('common.networkError')).fields);
      },
    }),
  );
  const problem = formProblem(accept.error, t('common.networkError'));
  const submit = (v: Values) =>
    accept.mutate({ token, password: v.password, ...(invitation.existingUser ? {} : { displayName: v.displayName }) });

  return (
    <AuthFrame title={t('invite.title')}>
      <Typography.Paragraph>{t('invite.intro', { federation })}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 20 }}>
        <Descriptions.Item label={t('invite.email')}>{invitation.email}</Descriptions.Item>
        <Descriptions.Item label={t('staff.roles')}>
          <RoleTags roles={invitation.roles} />
        </Descriptions.Item>
        {invitation.orgUnitName && <Descriptions.Item label={t('staff.scope')}>{invitation.orgUnitName}</Descriptions.Item>}
      </Descriptions>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ displayName: invitation.displayName }} onFinish={submit} disabled={accept.isPending}>
        {invitation.existingUser ? (
          <>
            <Alert type="info" showIcon title={t('invite.existingUser')} style={{ marginBottom: 16 }} />
            <Form.Item name="password" label={t('invite.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="displayName" label={t('invite.displayName')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required', { field: t('invite.displayName') }) }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item name="password" label={t('invite.password')} extra={t('invite.passwordHint')} rules={[{ required: true, min: 10, message: t('password.tooShort') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('invite.passwordConfirm')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('invite.passwordMismatch') },
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('invite.passwordMismatch')))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          {t('invite.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}

function InvalidInvitation({ error }: ErrorComponentProps) {
  const t = useT();
  return (
    <AuthFrame title={t('invite.title')}>
      <Result
        status="warning"
        title={t('invite.invalid')}
        subTitle={errorInfo(error, t('common.networkError')).message}
        extra={
          <Link to="/login">
            <Button type="primary">{t('login.submit')}</Button>
          </Link>
        }
      />
    </AuthFrame>
  );
}
