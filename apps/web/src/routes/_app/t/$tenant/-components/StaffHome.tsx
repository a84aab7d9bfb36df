import type { FederationHomeDto } from '@uc/contracts';
import { Col, Row } from 'antd';
import { PageHeader } from '../../../../../components/PageHeader.tsx';
import { useMe, useTenant } from '../../../../../components/session.ts';
import { access } from '../../../../../lib/access.ts';
import { localName } from '../../../../../lib/i18n.ts';
import { useLocale, useT } from '../../../../../lib/locale.ts';
import { CountCards } from './CountCards.tsx';
import { QuickLinks } from './QuickLinks.tsx';
import { RecentActivity } from './RecentActivity.tsx';

export function StaffHome({ home }: { home: FederationHomeDto }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { roles } = useTenant();
  return (
    <>
      <PageHeader title={localName(locale, home.federation)} subtitle={t('home.welcome', { name: me.user.displayName })} />
      <CountCards counts={home.counts} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {access.readAudit(roles) && (
          <Col xs={24} lg={16}>
            <RecentActivity events={home.recentActivity} />
          </Col>
        )}
        <Col xs={24} lg={access.readAudit(roles) ? 8 : 24}>
          <QuickLinks />
        </Col>
      </Row>
    </>
  );
}
