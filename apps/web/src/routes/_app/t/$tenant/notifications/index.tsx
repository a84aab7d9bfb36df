import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { NotificationDto } from '@uc/contracts';
import { App, Button, Card, Flex, Segmented, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { NoticeList } from './-components/NoticeList.tsx';
import { arrangeNotices, type NoticeFilter } from './-components/notices.ts';
import { type Search, params, optionalEnum } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({ filter: optionalEnum(s.filter, ['all', 'unread']) });

export const Route = createFileRoute('/_app/t/$tenant/notifications/')({
  validateSearch: searchSchema,
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).notification.list.queryOptions()),
  component: NotificationsPage,
});

/** The notification centre: the user's notices in this federation, unread first. */
function NotificationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const navigate = Route.useNavigate();
  const filter: NoticeFilter = Route.useSearch().filter ?? 'all';
  // the list is what this page is for: keep it current when the user comes back to the tab
  const { data } = useSuspenseQuery(api.notification.list.queryOptions(undefined, { refetchOnWindowFocus: true, staleTime: 0 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.notification.pathKey() });
  const onError = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const markRead = useMutation(api.notification.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(
    api.notification.markAllRead.mutationOptions({
      onSuccess: () => void message.success(t('notifications.markedAllRead')),
      onError,
      onSettled: refresh,
    }),
  );

  const open = async (n: NotificationDto, path: string | null) => {
    // reading it is the point; a failed mark must not keep the user from the page
    if (!n.read) await markRead.mutateAsync({ ids: [n.id] }).catch(() => undefined);
    if (path) await navigate({ href: path });
  };

  const items = arrangeNotices(data.items, filter);
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <Button icon={<CheckOutlined />} disabled={data.unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}>
          <Segmented<NoticeFilter>
            value={filter}
            onChange={(v) => void navigate({ search: { filter: v === 'all' ? undefined : v }, replace: true })}
            options={[
              { value: 'all', label: t('notifications.filter.all') },
              { value: 'unread', label: `${t('notifications.filter.unread')} (${data.unread})` },
            ]}
          />
          <Typography.Text type="secondary">{t('notifications.unreadCount', { count: data.unread })}</Typography.Text>
        </Flex>
        <NoticeList items={items} emptyText={t(filter === 'unread' ? 'notifications.emptyUnread' : 'notifications.empty')} onOpen={(n, path) => void open(n, path)} />
        {data.items.length >= 50 && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0, padding: 12 }}>
            {t('notifications.recentOnly')}
          </Typography.Paragraph>
        )}
      </Card>
    </>
  );
}
