import { createFileRoute, notFound, Outlet } from '@tanstack/react-router';
import { rememberTenant } from '@/components/session.ts';

/** A federation the user belongs to; any other slug is simply not found. */
export const Route = createFileRoute('/_app/t/$tenant')({
  beforeLoad: ({ context, params }) => {
    const membership = context.me.memberships.find((m) => m.slug === params.tenant);
    if (!membership) throw notFound();
    rememberTenant(membership.slug);
    return { membership };
  },
  component: Outlet,
});
