import { PlusOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { AGREEMENT_STATUSES } from '@uc/contracts';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { AgreementFilters } from './-components/AgreementFilters.tsx';
import { AgreementList } from './-components/AgreementList.tsx';
import { NewAgreementModal } from './-components/NewAgreementModal.tsx';
import { type Search, params, optionalString, optionalEnum } from '@/lib/search.ts';

const searchSchema = (s: Search) => params({
  status: optionalEnum(s.status, AGREEMENT_STATUSES),
  partner: optionalString(s.partner, { max: 40, pattern: /^[a-z0-9-]{1,40}$/ }),
});
export type AgreementSearch = Partial<ReturnType<typeof searchSchema>>;

const listInput = ({ status, partner }: AgreementSearch) => ({ ...(status ? { status } : {}), ...(partner ? { partnerSlug: partner } : {}) });

export const Route = createFileRoute('/_app/t/$tenant/agreements/')({
  validateSearch: searchSchema,
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loaderDeps: ({ search }) => listInput(search),
  loader: ({ context, params, deps }) => {
    const scoped = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(scoped.agreement.list.queryOptions(deps)),
      context.queryClient.ensureQueryData(scoped.federation.directory.queryOptions()),
    ]);
  },
  component: AgreementsPage,
});

function AgreementsPage() {
  const t = useT();
  const { api, roles } = useTenant();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: list } = useSuspenseQuery(api.agreement.list.queryOptions(listInput(search)));
  const [creating, setCreating] = useState(false);
  const filtered = Boolean(search.status || search.partner);

  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        subtitle={t('agreements.subtitle')}
        extra={
          access.createAgreement(roles) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('agreements.create')}
            </Button>
          )
        }
      />
      <Card>
        <AgreementFilters search={search} onChange={(next) => void navigate({ search: next })} />
        <AgreementList agreements={list} filtered={filtered} />
      </Card>
      {creating && <NewAgreementModal onClose={() => setCreating(false)} />}
    </>
  );
}
