import { createFileRoute, redirect } from '@tanstack/react-router';
import { AppShell } from '../components/AppShell.tsx';
import { setLocale } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

/** Every page behind sign-in: the guard, the user's own language, and the frame. */
export const Route = createFileRoute('/_app')({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(api.auth.me.queryOptions());
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    void setLocale(me.user.locale);
    return { me };
  },
  component: AppShell,
});
