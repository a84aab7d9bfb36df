import { createFileRoute, redirect } from '@tanstack/react-router';
import { Flex } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { InvitationsCard } from './-components/InvitationsCard.tsx';
import { StaffCard } from './-components/StaffCard.tsx';

export const Route = createFileRoute('/_app/t/$tenant/staff/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => {
    const scoped = tenantApi(params.tenant);
    const { queryClient } = context;
    return Promise.all([
      queryClient.ensureQueryData(scoped.staff.list.queryOptions()),
      access.manageStaff(context.membership.roles) && queryClient.ensureQueryData(scoped.staff.invitations.queryOptions()),
    ]);
  },
  component: StaffPage,
});

function StaffPage() {
  const t = useT();
  const { roles } = useTenant();
  return (
    <>
      <PageHeader title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <Flex vertical gap={16}>
        <StaffCard />
        {access.manageStaff(roles) && <InvitationsCard />}
      </Flex>
    </>
  );
}
