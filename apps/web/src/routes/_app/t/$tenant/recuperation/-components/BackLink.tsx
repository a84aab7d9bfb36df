import { LeftOutlined } from '@ant-design/icons';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** The way back up on a phone, where the browser's own back button is far away. */
export function BackLink({ children, ...link }: LinkProps & { children: ReactNode }) {
  return (
    <Link {...link} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, marginBottom: 8, padding: '6px 0' }}>
      <LeftOutlined style={{ fontSize: 12 }} />
      {children}
    </Link>
  );
}
