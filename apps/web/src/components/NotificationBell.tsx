import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Badge } from 'antd';
import { access } from '../lib/access.ts';
import { useT } from '../lib/locale.ts';
import { tenantApi } from '../lib/trpc.ts';
import { UNION_RED } from './AppProviders.tsx';
import { useMe } from './session.ts';

/** How often the counts are asked for while the page is open; they are also asked for on returning to the tab. */
const POLL_MS = 60_000;
const polling = { refetchInterval: POLL_MS, refetchOnWindowFocus: true, staleTime: 10_000 } as const;

/**
 * The bell in the top bar. A member: their unread notices. Staff: to-dos + unread notices in one
 * badge (decision 0022); with anything to do it opens the home's to-do list, else the notices.
 * The to-do count is the home page's own query (same cache): no separate counting procedure.
 */
export function NotificationBell({ tenant }: { tenant: string }) {
  const t = useT();
  const me = useMe();
  const staff = access.staff(me.memberships.find((m) => m.slug === tenant)?.roles ?? []);
  const api = tenantApi(tenant);
  const { data } = useQuery(api.notification.unreadCount.queryOptions(undefined, polling));
  const { data: todo } = useQuery({ ...api.home.todo.queryOptions(undefined, polling), enabled: staff });
  const unread = data?.unread ?? 0;
  const todos = staff ? (todo?.items.length ?? 0) : 0;
  const label = todos ? t('home.bell.label', { todo: todos, unread }) : unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link
      to={todos ? '/t/$tenant' : '/t/$tenant/notifications'}
      params={{ tenant }}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      style={{ display: 'inline-flex', alignItems: 'center', padding: '0 8px', height: 40 }}
    >
      {/* a white badge: the usual red one would vanish on the red bar */}
      <Badge count={todos + unread} size="small" overflowCount={99} offset={[2, -2]} style={{ backgroundColor: '#fff', color: UNION_RED, fontWeight: 600 }}>
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Link>
  );
}
