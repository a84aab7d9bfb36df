import { Card, Descriptions, Flex } from 'antd';
import { RoleTags } from '@/components/RoleTags.tsx';
import { useMe } from '@/components/session.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

export function ProfileCard() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  return (
    <Card title={t('account.profile')} style={{ height: '100%' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('account.name')}>{me.user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('account.email')}>{me.user.email}</Descriptions.Item>
        <Descriptions.Item label={t('account.federations')}>
          <Flex vertical gap={6}>
            {me.memberships.map((m) => (
              <div key={m.slug}>
                <span style={{ marginInlineEnd: 8 }}>{localName(locale, m)}</span>
                <RoleTags roles={m.roles} />
              </div>
            ))}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
