import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../lib/locale.ts';
import { UNION_RED } from './AppProviders.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { Logo } from './Logo.tsx';

/** The signed-out pages (sign-in, invitations): a card in the middle, the language switch above. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: `linear-gradient(180deg, ${UNION_RED} 0, ${UNION_RED} 220px, #f3f4f7 220px)` }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px', color: '#fff' }}>
        <Flex align="center" gap={10}>
          <Logo />
          <span style={{ fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</span>
        </Flex>
        <LocaleSwitch onDark />
      </Flex>
      <Flex justify="center" style={{ padding: '24px 12px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
