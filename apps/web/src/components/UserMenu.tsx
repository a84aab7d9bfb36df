import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Avatar, Button, Dropdown, Grid } from 'antd';
import { useT } from '../lib/locale.ts';
import { useMe, useSignOut } from './session.ts';

export function UserMenu() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { sm } = Grid.useBreakpoint();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true },
        ],
        onClick: ({ key }) => (key === 'account' ? void navigate({ to: '/account' }) : signOut.mutate()),
      }}
    >
      <Button type="text" style={{ color: '#fff', paddingInline: 6 }} aria-label={t('nav.account')}>
        <Avatar size="small" style={{ background: '#fff', color: '#b3201e', fontWeight: 600 }}>
          {me.user.displayName.slice(0, 1)}
        </Avatar>
        {sm && <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
