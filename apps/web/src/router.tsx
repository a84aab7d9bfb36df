import { createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { PageSkeleton } from './components/PageSkeleton.tsx';
import { api, onUnauthorized, queryClient } from './lib/trpc.ts';
import { routeTree } from './routeTree.gen.ts';

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // the query cache decides freshness; the router always asks it
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageSkeleton,
  // the error and not-found pages load when first needed: no page's first load carries them
  defaultErrorComponent: lazyRouteComponent(() => import('./components/RouteError.tsx'), 'RouteError'),
  defaultNotFoundComponent: lazyRouteComponent(() => import('./components/NotFound.tsx'), 'NotFound'),
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A session that ended elsewhere (signed out on another device, expired): back to sign-in, then here.
onUnauthorized(() => {
  const { pathname, href } = router.state.location;
  queryClient.setQueryData(api.auth.me.queryKey(), null);
  if (pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: href } });
});
