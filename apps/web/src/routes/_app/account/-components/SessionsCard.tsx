import { DesktopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { SessionDto } from '@uc/contracts';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { api } from '@/lib/trpc.ts';
import { describeUserAgent } from '@/lib/userAgent.ts';

export function SessionsCard() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: sessions } = useSuspenseQuery(api.auth.sessions.queryOptions());
  const revoke = useMutation(
    api.auth.revokeSession.mutationOptions({
      onSuccess: () => {
        void message.success(t('account.revoked'));
        return queryClient.invalidateQueries({ queryKey: api.auth.sessions.queryKey() });
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <Card title={t('account.sessions')}>
      <Typography.Paragraph type="secondary">{t('account.sessionsHint')}</Typography.Paragraph>
      <Table<SessionDto>
        rowKey="id"
        dataSource={sessions}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('account.device'),
            key: 'device',
            render: (_, s) => (
              <span>
                <DesktopOutlined style={{ marginInlineEnd: 8, color: '#8c8c8c' }} />
                {describeUserAgent(s.userAgent) ?? t('account.unknownDevice')}
                {s.current && (
                  <Tag color="green" style={{ marginInlineStart: 8 }}>
                    {t('account.current')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('account.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          { title: t('account.signedInAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('account.lastSeen'), dataIndex: 'lastSeenAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, s) =>
              !s.current && (
                <Popconfirm title={t('account.revoke')} onConfirm={() => revoke.mutate({ id: s.id })}>
                  <Button type="link" danger size="small" style={{ paddingInline: 0 }}>
                    {t('account.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
