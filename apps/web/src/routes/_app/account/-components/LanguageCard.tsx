import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@uc/contracts';
import { App, Card, Radio, Typography } from 'antd';
import { setLocale, useLocale, useT } from '@/lib/locale.ts';
import { translate } from '@/lib/i18n.ts';
import { api } from '@/lib/trpc.ts';

const LOCALES: Locale[] = ['zh-CN', 'en'];

export function LanguageCard() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation(
    api.auth.setLocale.mutationOptions({
      onSuccess: (_, { locale: next }) => void message.success(translate(next, 'account.languageSaved')),
    }),
  );
  const change = (next: Locale) => {
    void setLocale(next);
    queryClient.setQueryData(api.auth.me.queryKey(), (old) => (old ? { ...old, user: { ...old.user, locale: next } } : old));
    save.mutate({ locale: next });
  };
  return (
    <Card title={t('account.language')} style={{ height: '100%' }}>
      <Radio.Group value={locale} onChange={(e) => change(e.target.value as Locale)} optionType="button" buttonStyle="solid">
        {LOCALES.map((l) => (
          <Radio.Button key={l} value={l}>
            {t(`locale.${l}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('account.languageHint')}
      </Typography.Paragraph>
    </Card>
  );
}
