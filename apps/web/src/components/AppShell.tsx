import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useParams } from '@tanstack/react-router';
import { Button, Drawer, Flex, Grid, Layout } from 'antd';
import { useState } from 'react';
import { useT } from '../lib/locale.ts';
import { FederationSwitcher } from './FederationSwitcher.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { Logo } from './Logo.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { lastTenant, useMe } from './session.ts';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The frame of every signed-in page: red top bar, side menu (a drawer on a phone), content. */
export function AppShell() {
  const t = useT();
  const me = useMe();
  const { md } = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const params = useParams({ strict: false });
  const tenant = params.tenant ?? lastTenant(me.memberships) ?? null;
  const roles = me.memberships.find((m) => m.slug === tenant)?.roles ?? [];
  const phone = md === false;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 10, display: 'flex', alignItems: 'center', gap: 8 }}>
        {phone && (
          <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('nav.menu')} style={{ color: '#fff' }} />
        )}
        <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff', flexShrink: 0 }}>
          <Logo />
          {!phone && <span style={{ fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</span>}
        </Link>
        {tenant && (
          <Flex style={{ minWidth: 0, flex: 1, marginInlineStart: phone ? 4 : 24 }}>
            <FederationSwitcher current={tenant} onDark />
          </Flex>
        )}
        <Flex align="center" gap={4} style={{ marginInlineStart: 'auto', flexShrink: 0 }}>
          {tenant && <NotificationBell tenant={tenant} />}
          <LocaleSwitch onDark />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout hasSider={!phone}>
        {!phone && (
          <Layout.Sider width={208} style={{ borderInlineEnd: '1px solid #eceef2' }}>
            <SideMenu tenant={tenant} roles={roles} />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          <SideMenu tenant={tenant} roles={roles} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
