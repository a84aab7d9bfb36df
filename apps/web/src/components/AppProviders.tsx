import { App, ConfigProvider, type ThemeConfig } from 'antd';
import type { ReactNode } from 'react';
import { useAntdLocale } from '../lib/locale.ts';

/** Union red for the frame, AntD's own blue for actions: the admin look offices already know. */
export const UNION_RED = '#b3201e';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f63d6',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: UNION_RED, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f3f4f7' },
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const locale = useAntdLocale();
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
