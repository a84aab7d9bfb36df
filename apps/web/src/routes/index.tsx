import { createFileRoute, redirect } from '@tanstack/react-router';
import { api } from '../lib/trpc.ts';

/** The address itself: a signed-in user goes to their federation, anyone else to sign-in. */
export const Route = createFileRoute('/')({
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(api.auth.me.queryOptions());
    if (!me) throw redirect({ to: '/login' });
    const first = me.memberships[0];
    if (!first && me.user.platformRole === 'operator') throw redirect({ to: '/platform' });
    throw first ? redirect({ to: '/t/$tenant', params: { tenant: first.slug } }) : redirect({ to: '/account' });
  },
});
