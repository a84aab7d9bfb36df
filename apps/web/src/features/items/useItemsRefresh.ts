import { useQueryClient } from '@tanstack/react-query';
import { useTenant } from '@/components/session.ts';

/**
 * After any write on joint items: refetch every items view of this federation (the item page,
 * my items, boards, timelines, dashboards), since one confirmation moves all of them.
 */
export function useItemsRefresh() {
  const queryClient = useQueryClient();
  const { api } = useTenant();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: api.jointItem.pathKey() }), queryClient.invalidateQueries({ queryKey: api.dashboard.pathKey() })]);
}
