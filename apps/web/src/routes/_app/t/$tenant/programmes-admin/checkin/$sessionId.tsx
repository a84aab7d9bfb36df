import { useMutation } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import type { CheckInResultDto, WalkInResultDto } from '@uc/contracts';
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

export const Route = createFileRoute('/_app/t/$tenant/programmes-admin/checkin/$sessionId')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  component: CheckInPage,
});

/** The door, on a phone: a scanner that types the code (or a person), one big button, the answer. */
function CheckInPage() {
  const t = useT();
  const { sessionId } = Route.useParams();
  const { api } = useTenant();
  const [token, setToken] = useState('');
  const [result, setResult] = useState<CheckInResultDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checkIn = useMutation(
    api.programme.session.checkIn.mutationOptions({
      onSuccess: (r) => {
        setResult(r);
        setError(null);
        setToken('');
      },
      onError: (err) => {
        setResult(null);
        setError(errorInfo(err, t('common.networkError')).message);
      },
    }),
  );
  const submit = () => token.trim() && checkIn.mutate({ sessionId, token: token.trim() });
  return (
    <div style={{ maxWidth: 480 }}>
      <PageHeader title={t('programme.checkin.title')} />
      <Flex vertical gap={12}>
        <Input.TextArea autoFocus rows={3} value={token} onChange={(e) => setToken(e.target.value)} placeholder={t('programme.checkin.placeholder')} onPressEnter={(e) => (e.preventDefault(), submit())} data-testid="checkin-input" />
        <Button type="primary" size="large" block loading={checkIn.isPending} onClick={submit} data-testid="checkin-submit">
          {t('programme.checkin.submit')}
        </Button>
        {result && (
          <Alert
            type={result.outcome === 'checked_in' ? 'success' : 'warning'}
            showIcon
            data-testid="checkin-result"
            title={result.outcome === 'checked_in' ? t('programme.checkin.ok', { name: result.memberName, home: result.home }) : t('programme.checkin.already', { name: result.memberName, home: result.home, time: formatDateTime(result.checkedInAt) })}
          />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="checkin-error" />}
        <WalkIn sessionId={sessionId} />
      </Flex>
    </div>
  );
}

/** Someone who came without registering: name, city, and an ID number or a mobile (only its masked form is kept). */
function WalkIn({ sessionId }: { sessionId: string }) {
  const t = useT();
  const { api } = useTenant();
  const [form] = Form.useForm<{ name: string; home: 'host' | 'partner'; number: string }>();
  const [result, setResult] = useState<WalkInResultDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const record = useMutation(
    api.programme.session.walkIn.mutationOptions({
      onSuccess: (r) => {
        setResult(r);
        setProblem(null);
        form.resetFields(['name', 'number']);
      },
      onError: (err) => {
        setResult(null);
        const info = errorInfo(err, t('common.networkError'));
        if (Object.keys(info.fields).length) showFieldErrors(form, info.fields);
        else setProblem(info.message);
      },
    }),
  );
  const submit = (v: { name: string; home: 'host' | 'partner'; number: string }) => record.mutate({ sessionId, name: v.name, home: v.home, number: v.number });
  return (
    <Card size="small" title={t('programme.walkIn.title')} data-testid="walk-in">
      <Typography.Paragraph type="secondary">{t('programme.walkIn.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ home: 'host' }} onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={t('programme.walkIn.name')} rules={[{ required: true, whitespace: true, message: t('programme.walkIn.nameRequired') }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="home" label={t('programme.walkIn.home')}>
          <Radio.Group optionType="button" options={[{ value: 'host', label: t('programme.walkIn.host') }, { value: 'partner', label: t('programme.walkIn.partner') }]} />
        </Form.Item>
        <Form.Item name="number" label={t('programme.walkIn.number')} rules={[{ required: true, whitespace: true, message: t('programme.walkIn.numberRequired') }]}>
          <Input inputMode="text" maxLength={18} autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit" size="large" block loading={record.isPending} data-testid="walk-in-submit">
          {t('programme.walkIn.submit')}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.outcome === 'recorded' ? 'success' : 'warning'}
          showIcon
          data-testid="walk-in-result"
          title={t(result.outcome === 'recorded' ? 'programme.walkIn.ok' : 'programme.walkIn.already', { name: result.name, home: result.home, masked: result.masked, time: formatDateTime(result.at) })}
        />
      )}
      {problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem} data-testid="walk-in-error" />}
    </Card>
  );
}
