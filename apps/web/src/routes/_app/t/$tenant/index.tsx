import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useTenant } from '../../../../components/session.ts';
import { access } from '../../../../lib/access.ts';
import { tenantApi } from '../../../../lib/trpc.ts';
import { MemberHome } from './-components/MemberHome.tsx';
import { StaffHome } from './-components/StaffHome.tsx';

export const Route = createFileRoute('/_app/t/$tenant/')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).federation.home.queryOptions()),
  // the to-do list (staff) or 我的 (members) is asked for by the page itself: one request each
  component: HomePage,
});

function HomePage() {
  const { api, roles } = useTenant();
  const { data: home } = useSuspenseQuery(api.federation.home.queryOptions());
  return access.staff(roles) ? <StaffHome home={home} /> : <MemberHome home={home} />;
}
