import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/trpc.ts';
import { ApartmentOutlined, AuditOutlined, SafetyOutlined, TrophyOutlined, FormOutlined, DashboardOutlined, ProjectOutlined, BellOutlined, FileProtectOutlined, HeartOutlined, HomeOutlined, IdcardOutlined, ReadOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import type { Role } from '@uc/contracts';
import { Menu, type MenuProps } from 'antd';
import { access } from '../lib/access.ts';
import { useT } from '../lib/locale.ts';

type Section = 'items' | 'dashboard' | 'agreements' | 'org-units' | 'members' | 'staff' | 'audit' | 'notifications' | 'recuperation' | 'recuperation-admin' | 'rights' | 'rights/mine' | 'contests' | 'judge' | 'programmes' | 'programmes-admin';

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
    if (roles.includes('member')) items.push(section('recuperation', <HeartOutlined />, t('booking.nav')));
    if (roles.includes('member')) items.push(section('rights/mine', <SafetyOutlined />, t('rights.mine.nav')));
    if (roles.includes('member')) items.push(section('programmes', <ReadOutlined />, t('programme.nav')));
    if (access.staff(roles)) {
      items.push(section('agreements', <FileProtectOutlined />, t('agreements.nav')));
      items.push(section('items', <ProjectOutlined />, t('items.nav')));
      items.push(section('dashboard', <DashboardOutlined />, t('dashboard.nav')));
      items.push(section('recuperation-admin', <HeartOutlined />, t('recuperation.nav')));
      if (access.rights(roles)) items.push(section('rights', <SafetyOutlined />, t('rights.nav')));
      items.push(section('contests', <TrophyOutlined />, t('contest.nav')));
      items.push(section('programmes-admin', <ReadOutlined />, t('programme.admin.nav')));
      items.push(section('org-units', <ApartmentOutlined />, t('nav.orgUnits')));
      if (access.readMembers(roles)) items.push(section('members', <TeamOutlined />, t('nav.members')));
      items.push(section('staff', <IdcardOutlined />, t('nav.staff')));
    }
    if (roles.includes('judge')) items.push(section('judge', <FormOutlined />, t('contest.judgeNav')));
    if (access.readAudit(roles)) items.push(section('audit', <AuditOutlined />, t('nav.audit')));
    items.push(section('notifications', <BellOutlined />, t('notifications.nav')));
  }
  if (me?.user.platformRole === 'operator') items.push({ key: '/platform', icon: <ApartmentOutlined />, label: <Link to="/platform">{t('platform.title')}</Link> });
  items.push({ key: '/account', icon: <UserOutlined />, label: <Link to="/account">{t('nav.account')}</Link> });

  const selected = items.map((i) => String(i?.key)).filter((k) => pathname === k || pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];
  return <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} onClick={onNavigate} style={{ borderInlineEnd: 'none' }} />;
}
