import { useInfiniteQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTenant } from '@/components/session.ts';
import { ActivityFeed } from '@/features/items/ActivityFeed.tsx';
import { tenantClient } from '@/lib/trpc.ts';

const PAGE = 50;

/** Every change on the agreement's items, newest first, fifty at a time. */
export function AgreementActivity({ agreementId }: { agreementId: string }) {
  const { slug, api } = useTenant();
  const pages = useInfiniteQuery({
    queryKey: [...api.jointItem.activity.pathKey(), 'agreement', agreementId],
    queryFn: ({ pageParam }) => tenantClient(slug).jointItem.activity.query({ agreementId, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.length < PAGE ? null : (last[last.length - 1]?.id ?? null)),
  });
  if (!pages.data) return <Skeleton active />;
  return (
    <ActivityFeed
      entries={pages.data.pages.flat()}
      showItem
      onMore={pages.hasNextPage ? () => void pages.fetchNextPage() : undefined}
      loadingMore={pages.isFetchingNextPage}
    />
  );
}
