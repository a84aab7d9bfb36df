import { HeartOutlined, SmileOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { FederationHomeDto } from '@uc/contracts';
import { Button, Card, Result } from 'antd';
import { useMe } from '../../../../../components/session.ts';
import { localName } from '../../../../../lib/i18n.ts';
import { useLocale, useT } from '../../../../../lib/locale.ts';

/** A member's own start page: where they belong, and where their services will appear. */
export function MemberHome({ home }: { home: FederationHomeDto }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  return (
    <Card>
      <Result
        icon={<SmileOutlined style={{ color: '#b3201e' }} />}
        title={t('home.member.title', { name: me.user.displayName })}
        subTitle={
          <>
            <div>{t('home.member.federation', { federation: localName(locale, home.federation) })}</div>
            <div style={{ marginTop: 8 }}>{t('home.member.note')}</div>
          </>
        }
        extra={
          <>
            <Link to="/t/$tenant/recuperation" params={{ tenant: home.federation.slug }}>
              <Button type="primary" icon={<HeartOutlined />}>
                {t('booking.home.link')}
              </Button>
            </Link>
            <Link to="/account">
              <Button>{t('home.member.account')}</Button>
            </Link>
          </>
        }
      />
    </Card>
  );
}
