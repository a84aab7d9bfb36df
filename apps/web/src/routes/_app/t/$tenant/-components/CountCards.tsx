import { ApartmentOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { FederationHomeDto } from '@uc/contracts';
import { Card, Col, Grid, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';

type Section = 'org-units' | 'members' | 'staff';

export function CountCards({ counts }: { counts: FederationHomeDto['counts'] }) {
  const t = useT();
  const { slug } = useTenant();
  const { md } = Grid.useBreakpoint();
  const card = (section: Section, title: string, value: number, icon: ReactNode, color: string) => (
    <Col span={8}>
      <Link to={`/t/$tenant/${section}`} params={{ tenant: slug }}>
        <Card hoverable size="small" styles={{ body: { padding: md ? '16px 20px' : '10px 12px' } }}>
          <Statistic title={title} value={value} prefix={md && <span style={{ color, marginInlineEnd: 4 }}>{icon}</span>} styles={{ content: { fontSize: md ? 24 : 20, color: md ? undefined : color } }} />
        </Card>
      </Link>
    </Col>
  );
  return (
    <Row gutter={md ? [16, 16] : [8, 8]}>
      {card('org-units', t('home.counts.orgUnits'), counts.orgUnits, <ApartmentOutlined />, '#1f63d6')}
      {card('members', t('home.counts.members'), counts.members, <TeamOutlined />, '#b3201e')}
      {card('staff', t('home.counts.staff'), counts.staff, <IdcardOutlined />, '#d48806')}
    </Row>
  );
}
