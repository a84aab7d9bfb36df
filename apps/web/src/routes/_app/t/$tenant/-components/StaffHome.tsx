import type { FederationHomeDto } from '@uc/contracts';
import { Col, Row } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useMe, useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { CountCards } from './CountCards.tsx';
import { QuickLinks } from './QuickLinks.tsx';
import { RecentActivity } from './RecentActivity.tsx';
import { TodoList } from './TodoList.tsx';

export function StaffHome({ home }: { home: FederationHomeDto }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const { roles } = useTenant();
  return (
    <>
      <PageHeader title={localName(locale, home.federation)} subtitle={t('home.welcome', { name: me.user.displayName })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <TodoList />
        </Col>
        <Col xs={24} lg={8}>
          <CountCards counts={home.counts} />
          <div style={{ marginTop: 16 }}>
            <QuickLinks />
          </div>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {access.readAudit(roles) && (
          <Col xs={24}>
            <RecentActivity events={home.recentActivity} />
          </Col>
        )}
      </Row>
    </>
  );
}
