import { createFileRoute, Outlet, redirect, useNavigate, useRouterState } from '@tanstack/react-router';
import { Tabs } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { useT } from '@/lib/locale.ts';

/** The staff's recuperation desk: one tab per job, home side (our members) then host side (our bases). */
export const Route = createFileRoute('/_app/t/$tenant/recuperation-admin')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  component: AdminLayout,
});

const TABS = ['', 'requests', 'quotas', 'policy', 'batches', 'checkin', 'bases', 'routes'] as const;
type Tab = (typeof TABS)[number];
const PATHS = {
  '': '/t/$tenant/recuperation-admin',
  requests: '/t/$tenant/recuperation-admin/requests',
  quotas: '/t/$tenant/recuperation-admin/quotas',
  policy: '/t/$tenant/recuperation-admin/policy',
  batches: '/t/$tenant/recuperation-admin/batches',
  checkin: '/t/$tenant/recuperation-admin/checkin',
  bases: '/t/$tenant/recuperation-admin/bases',
  routes: '/t/$tenant/recuperation-admin/routes',
} as const satisfies Record<Tab, string>;

function AdminLayout() {
  const t = useT();
  const { slug } = useTenant();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const root = `/t/${slug}/recuperation-admin`;
  const rest = pathname.startsWith(root) ? pathname.slice(root.length).replace(/^\//, '') : '';
  const active: Tab = TABS.find((tab) => tab && (rest === tab || rest.startsWith(`${tab}/`))) ?? '';
  return (
    <>
      <PageHeader title={t('recuperation.title')} />
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate({ to: PATHS[key as Tab], params: { tenant: slug } })}
        items={TABS.map((tab) => ({ key: tab, label: t(`recuperation.tab.${tab || 'overview'}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Outlet />
    </>
  );
}
