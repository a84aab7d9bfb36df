import { GlobalOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@uc/contracts';
import { Button } from 'antd';
import { setLocale, useLocale, useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

/**
 * Offers the other language (EN while in Chinese, 中文 while in English). Signed in, the choice is
 * saved to the account; signed out, the uc_locale cookie keeps it and the API answers in it.
 */
export function LocaleSwitch({ onDark = false }: { onDark?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const save = useMutation(api.auth.setLocale.mutationOptions());
  const next: Locale = locale === 'en' ? 'zh-CN' : 'en';

  const change = () => {
    void setLocale(next);
    const me = queryClient.setQueryData(api.auth.me.queryKey(), (old) => (old ? { ...old, user: { ...old.user, locale: next } } : old));
    if (me) save.mutate({ locale: next });
  };

  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={change}
      aria-label={t('nav.language')}
      style={onDark ? { color: '#fff' } : undefined}
    >
      {next === 'en' ? 'EN' : '中文'}
    </Button>
  );
}
