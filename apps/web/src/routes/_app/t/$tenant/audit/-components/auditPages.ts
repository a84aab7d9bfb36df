import { infiniteQueryOptions } from '@tanstack/react-query';
import { tenantApi, tenantClient } from '@/lib/trpc.ts';

const PAGE = 50;

export interface AuditFilterValues {
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The audit log newest first, 50 at a time; each page continues below the last seq seen.
 * (audit.list pages by beforeSeq rather than tRPC's cursor, so the pages are fetched by hand.)
 */
export function auditPages(tenant: string, filters: AuditFilterValues) {
  const input = {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  return infiniteQueryOptions({
    queryKey: [...tenantApi(tenant).audit.list.pathKey(), input, 'pages'],
    queryFn: ({ pageParam }) => tenantClient(tenant).audit.list.query({ ...input, limit: PAGE, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq,
  });
}
