import { useMutation } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import type { CheckInResultDto } from '@uc/contracts';
import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
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
      </Flex>
    </div>
  );
}
