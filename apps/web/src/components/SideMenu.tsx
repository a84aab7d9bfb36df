import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/trpc.ts';
import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TrophyOutlined, FormOutlined, DashboardOutlined, ProjectOutlined, BellOutlined, FileProtectOutlined, HeartOutlined, HomeOutlined, IdcardOutlined, ReadOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import type { Role } from '@uc/contracts';
import { Menu, type MenuProps } from 'antd';
import type { UiKey } from '../lib/i18n.ts';
import { useT } from '../lib/locale.ts';
import { menuSections, type Section } from './menu.ts';

const ENTRIES: Record<Section, [React.ReactNode, UiKey]> = {
  recuperation: [<HeartOutlined />, 'booking.nav'],
  'rights/mine': [<SafetyOutlined />, 'rights.mine.nav'],
  programmes: [<ReadOutlined />, 'programme.nav'],
  'contests/apply': [<TrophyOutlined />, 'contest.apply.go'],
  agreements: [<FileProtectOutlined />, 'agreements.nav'],
  items: [<ProjectOutlined />, 'items.nav'],
  dashboard: [<DashboardOutlined />, 'dashboard.nav'],
  'recuperation-admin': [<HeartOutlined />, 'recuperation.nav'],
  rights: [<SafetyOutlined />, 'rights.nav'],
  contests: [<TrophyOutlined />, 'contest.nav'],
  'programmes-admin': [<ReadOutlined />, 'programme.admin.nav'],
  'org-units': [<ApartmentOutlined />, 'nav.orgUnits'],
  members: [<TeamOutlined />, 'nav.members'],
  staff: [<IdcardOutlined />, 'nav.staff'],
  judge: [<FormOutlined />, 'contest.judgeNav'],
  audit: [<AuditOutlined />, 'nav.audit'],
  notifications: [<BellOutlined />, 'notifications.nav'],
};

/** The menu of one federation, limited to what the user's roles there may open. */
export function SideMenu({ tenant, roles, onNavigate }: { tenant: string | null; roles: readonly Role[]; onNavigate?: () => void }) {
  const me = useQuery(api.auth.me.queryOptions()).data;
  const t = useT();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const section = (key: Section, icon: React.ReactNode, label: string) => ({
    key: `/t/${tenant}/${key}`,
    icon,
    label: (
      <Link to={`/t/$tenant/${key}`} params={{ tenant: tenant! }}>
        {label}
      </Link>
    ),
  });

  const items: MenuProps['items'] = [];
  if (tenant) {
    items.push({
      key: `/t/${tenant}`,
      icon: <HomeOutlined />,
      label: (
        <Link to="/t/$tenant" params={{ tenant }}>
          {t('nav.home')}
        </Link>
      ),
    });
    for (const key of menuSections(roles)) {
      const [icon, label] = ENTRIES[key];
      items.push(section(key, icon, t(label)));
    }
  }
  if (me?.user.platformRole === 'operator') items.push({ key: '/platform', icon: <ApartmentOutlined />, label: <Link to="/platform">{t('platform.title')}</Link> });
  items.push({ key: '/account', icon: <UserOutlined />, label: <Link to="/account">{t('nav.account')}</Link> });

  const selected = items.map((i) => String(i?.key)).filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
  return <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} onClick={onNavigate} style={{ borderInlineEnd: 'none' }} />;
}
