import { createFileRoute, notFound, Outlet, redirect, useNavigate, useRouterState } from '@tanstack/react-router';
import { Tabs } from 'antd';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { useAgreement, useAgreementId } from '../-components/useAgreement.ts';
import { AgreementHeader } from './-components/AgreementHeader.tsx';
import { AGREEMENT_PAGES, agreementTabs, type AgreementPage } from './-components/agreementTabs.ts';
import { isUuid } from '@/lib/search.ts';

/** One agreement: its header and the tabs of its pages (the child routes render below them). */
export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
    // not an id at all: the same "not found" as an agreement of other federations
    if (!isUuid(params.agreementId)) throw notFound();
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).agreement.get.queryOptions({ id: params.agreementId })),
  component: AgreementLayout,
});

function AgreementLayout() {
  const t = useT();
  const { slug } = useTenant();
  const id = useAgreementId();
  const { status } = useAgreement();
  const navigate = useNavigate();
  const base = `/t/${slug}/agreements/${id}`;
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const section = pathname.slice(base.length).split('/')[1] ?? '';
  const active: AgreementPage = (AGREEMENT_PAGES as readonly string[]).includes(section) ? (section as AgreementPage) : 'overview';

  return (
    <>
      <AgreementHeader />
      <Tabs
        activeKey={active}
        // liaison and meetings are pages of their own module: a plain address reaches them; the work plan is the items board
        onChange={(key) =>
          void (key === 'items'
            ? navigate({ to: '/t/$tenant/items/board/$agreementId', params: { tenant: slug, agreementId: id } })
            : navigate({ href: key === 'overview' ? base : `${base}/${key}` }))
        }
        items={agreementTabs(status).map((key) => ({ key, label: t(`agreements.tab.${key}`) }))}
        style={{ marginBottom: 8 }}
      />
      <Outlet />
    </>
  );
}
