import { hashKey, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import type { MeDto, MembershipDto } from '@uc/contracts';
import { api, tenantApi, type Api } from '../lib/trpc.ts';

type SignedIn = NonNullable<MeDto>;

/** The signed-in user and their federations (inside the app frame, where sign-in is assured). */
export function useMe(): SignedIn {
  const atEntry = useRouteContext({ from: '/_app', select: (c) => c.me });
  const { data } = useSuspenseQuery(api.auth.me.queryOptions());
  // null only for the moment between signing out and leaving the page
  return data ?? atEntry;
}

export interface TenantScope {
  slug: string;
  membership: MembershipDto;
  roles: MembershipDto['roles'];
  api: Api;
}

/** The federation of the current /t/$tenant page, the user's roles in it, and its API. */
export function useTenant(): TenantScope {
  const membership = useRouteContext({ from: '/_app/t/$tenant', select: (c) => c.membership });
  return { slug: membership.slug, membership, roles: membership.roles, api: tenantApi(membership.slug) };
}

/**
 * After a change in a federation: refetch what is on screen of that federation (counts, lists,
 * names); with me, the user's own roles too (after a change to the staff).
 */
export function useRefreshTenant() {
  const queryClient = useQueryClient();
  const { api: scoped } = useTenant();
  return (opts: { me?: boolean } = {}) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: scoped.pathKey() }),
      opts.me && queryClient.invalidateQueries({ queryKey: api.auth.me.queryKey() }),
    ]);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    ...api.auth.signOut.mutationOptions(),
    onSettled: async () => {
      const me = api.auth.me.queryKey();
      queryClient.setQueryData(me, null);
      await navigate({ to: '/login' });
      // nothing of the old session stays in memory but the (now empty) sign-in state
      queryClient.removeQueries({ predicate: (q) => q.queryHash !== hashKey(me) });
    },
  });
}

const LAST_TENANT = 'uc_last_tenant';

/** Remembers the federation last worked in, so pages outside one (my account) keep its menu. */
export function rememberTenant(slug: string) {
  sessionStorage.setItem(LAST_TENANT, slug);
}

export function lastTenant(memberships: readonly MembershipDto[]): string | undefined {
  const remembered = sessionStorage.getItem(LAST_TENANT);
  return memberships.find((m) => m.slug === remembered)?.slug ?? memberships[0]?.slug;
}
