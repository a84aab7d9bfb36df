import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink, type TRPCClient } from '@trpc/client';
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@uc/api/router';
import { FILE_PROCEDURES, LARGE_BODY_PROCEDURES } from '@uc/contracts';
import { getLocale } from './locale.ts';

type Flags = { keyPrefix: true };
export type Api = TRPCOptionsProxy<AppRouter, Flags>;
export type ApiClient = TRPCClient<AppRouter>;

let unauthorized = () => {};
/** Called when the API says the session is gone (code UNAUTHORIZED, not a wrong password). */
export function onUnauthorized(handler: () => void) {
  unauthorized = handler;
}
const whenUnauthorized = (err: unknown) => {
  if ((err as { data?: { code?: string } } | null)?.data?.code === 'UNAUTHORIZED') unauthorized();
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: whenUnauthorized }),
  mutationCache: new MutationCache({ onError: whenUnauthorized }),
  defaultOptions: {
    // reads are idempotent: retried (with the default back-off) on a server error, and longer while
    // the API answers 503 (the database is away; the message shown is 服务暂时不可用，请稍后重试)
    queries: { staleTime: 30_000, retry: (count, err) => count < (isUnavailable(err) ? 5 : 2) && !isClientError(err), refetchOnWindowFocus: false },
  },
});

function isUnavailable(err: unknown): boolean {
  return (err as { data?: { httpStatus?: number } } | null)?.data?.httpStatus === 503;
}

function isClientError(err: unknown): boolean {
  const status = (err as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Sent alone, never in a batch: procedures whose body is large (an .xlsx or an attachment in base64;
 * the API allows them a larger body only then) and those that answer with a file (the API renders each alone).
 */
const UNBATCHED = new Set<string>([...LARGE_BODY_PROCEDURES, ...FILE_PROCEDURES]);

function createClient(tenant: string | null): ApiClient {
  const headers = () => ({ 'x-locale': getLocale(), ...(tenant ? { 'X-Tenant': tenant } : {}) });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => UNBATCHED.has(op.path),
        true: httpLink({ url: '/api/trpc', headers }),
        false: httpBatchLink({ url: '/api/trpc', maxURLLength: 2000, headers }),
      }),
    ],
  });
}

const globalClient = createClient(null);

/** Procedures outside a federation (auth.*): keys start with ['global']. */
export const api: Api = createTRPCOptionsProxy<AppRouter, Flags>({ client: globalClient, queryClient, keyPrefix: 'global' });

const tenants = new Map<string, { client: ApiClient; api: Api }>();

function forTenant(slug: string) {
  let entry = tenants.get(slug);
  if (!entry) {
    const client = createClient(slug);
    entry = { client, api: createTRPCOptionsProxy<AppRouter, Flags>({ client, queryClient, keyPrefix: `t:${slug}` }) };
    tenants.set(slug, entry);
  }
  return entry;
}

/**
 * The API as a federation: every request carries X-Tenant: slug and every query key starts with
 * ['t:slug'], so switching federations never shows one federation's cached data in another.
 */
export function tenantApi(slug: string): Api {
  return forTenant(slug).api;
}

/** The plain client for a federation, for queries the options proxy cannot express (paging by seq). */
export function tenantClient(slug: string): ApiClient {
  return forTenant(slug).client;
}
