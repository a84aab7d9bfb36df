import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Badge } from 'antd';
import { useT } from '../lib/locale.ts';
import { tenantApi } from '../lib/trpc.ts';
import { UNION_RED } from './AppProviders.tsx';

/** How often the count is asked for while the page is open; it is also asked for on returning to the tab. */
const POLL_MS = 60_000;

/** The bell in the top bar: the user's unread notices in this federation, opening the notification centre. */
export function NotificationBell({ tenant }: { tenant: string }) {
  const t = useT();
  const { data } = useQuery(
    tenantApi(tenant).notification.unreadCount.queryOptions(undefined, {
      refetchInterval: POLL_MS,
      refetchOnWindowFocus: true,
      staleTime: 10_000,
    }),
  );
  const unread = data?.unread ?? 0;
  return (
    <Link
      to="/t/$tenant/notifications"
      params={{ tenant }}
      aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      title={t('notifications.bell')}
      data-testid="notification-bell"
      style={{ display: 'inline-flex', alignItems: 'center', padding: '0 8px', height: 40 }}
    >
      {/* a white badge: the usual red one would vanish on the red bar */}
      <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]} style={{ backgroundColor: '#fff', color: UNION_RED, fontWeight: 600 }}>
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}
