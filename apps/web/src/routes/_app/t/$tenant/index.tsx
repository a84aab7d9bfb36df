import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { lazy } from 'react';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { tenantApi } from '@/lib/trpc.ts';

// Members' phones load only the member home, staff only theirs (issue 13, light pages); the
// loader fetches the one this account sees beside the data, so neither waits for the other.
const loadStaffHome = () => import('./-components/StaffHome.tsx');
const loadMemberHome = () => import('./-components/MemberHome.tsx');
const StaffHome = lazy(() => loadStaffHome().then((m) => ({ default: m.StaffHome })));
const MemberHome = lazy(() => loadMemberHome().then((m) => ({ default: m.MemberHome })));

export const Route = createFileRoute('/_app/t/$tenant/')({
  loader: async ({ context, params }) => {
    const [home] = await Promise.all([
      context.queryClient.ensureQueryData(tenantApi(params.tenant).federation.home.queryOptions()),
      access.staff(context.membership.roles) ? loadStaffHome() : loadMemberHome(),
    ]);
    return home;
  },
  // the to-do list (staff) or 我的 (members) is asked for by the page itself: one request each
  component: HomePage,
});

function HomePage() {
  const { api, roles } = useTenant();
  const { data: home } = useSuspenseQuery(api.federation.home.queryOptions());
  return access.staff(roles) ? <StaffHome home={home} /> : <MemberHome home={home} />;
}
