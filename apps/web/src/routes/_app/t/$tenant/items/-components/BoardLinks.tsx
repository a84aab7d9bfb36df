import { DownOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Dropdown } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';

/** The way to every agreement's whole work plan, beyond the items that are the reader's own. */
export function BoardLinks() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data } = useQuery(api.agreement.list.queryOptions());
  const agreements = (data ?? []).filter((a) => a.status === 'active' || a.status === 'expired' || a.status === 'terminated');
  if (agreements.length === 0) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: agreements.map((a) => ({
          key: a.id,
          label: (
            <Link to="/t/$tenant/items/board/$agreementId" params={{ tenant: slug, agreementId: a.id }}>
              {a.title}
            </Link>
          ),
        })),
      }}
    >
      <Button icon={<UnorderedListOutlined />}>
        {t('items.boards')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
