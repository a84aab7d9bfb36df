import { SwapOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Button, Dropdown, Typography } from 'antd';
import { localName } from '../lib/i18n.ts';
import { useLocale, useT } from '../lib/locale.ts';
import { useMe } from './session.ts';

/** The federation being worked in; a menu to change it when the user belongs to several. */
export function FederationSwitcher({ current, onDark = false }: { current: string; onDark?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const here = me.memberships.find((m) => m.slug === current);
  const color = onDark ? '#fff' : undefined;
  if (!here) return null;
  const name = localName(locale, here);
  if (me.memberships.length < 2) {
    return (
      <Typography.Text strong style={{ color }} ellipsis>
        {name}
      </Typography.Text>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [current],
        items: me.memberships.map((m) => ({ key: m.slug, label: localName(locale, m) })),
        onClick: ({ key }) => void navigate({ to: '/t/$tenant', params: { tenant: key } }),
      }}
    >
      <Button type="text" style={{ color, fontWeight: 600, maxWidth: '100%' }} title={t('nav.switchFederation')}>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
        <SwapOutlined />
      </Button>
    </Dropdown>
  );
}
