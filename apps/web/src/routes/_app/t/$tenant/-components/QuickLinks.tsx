import { ApartmentOutlined, CloudUploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Card, Flex } from 'antd';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';

export function QuickLinks() {
  const t = useT();
  const { slug, roles } = useTenant();
  return (
    <Card title={t('home.quickLinks')} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        {access.manageMembers(roles) && (
          <Link to="/t/$tenant/members" params={{ tenant: slug }} search={{ import: true }}>
            <CloudUploadOutlined /> {t('home.quick.importMembers')}
          </Link>
        )}
        {access.manageStaff(roles) && (
          <Link to="/t/$tenant/staff" params={{ tenant: slug }}>
            <UserAddOutlined /> {t('home.quick.inviteStaff')}
          </Link>
        )}
        <Link to="/t/$tenant/org-units" params={{ tenant: slug }}>
          <ApartmentOutlined /> {t(access.manageOrgUnits(roles) ? 'home.quick.orgUnits' : 'home.quick.viewOrgUnits')}
        </Link>
      </Flex>
    </Card>
  );
}
