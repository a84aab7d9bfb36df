import { useMutation } from '@tanstack/react-query';
import type { ActivityDto, ItemPageDto } from '@uc/contracts';
import { Card } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { ActivityFeed } from '@/features/items/ActivityFeed.tsx';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

const FIRST = 10;
const STEP = 20;
/** what the API sends with the page, and per request */
const PAGE = 50;

/** The item's activity: the latest ten at first, more on request (older ones fetched when those on hand run out). */
export function ActivityCard({ page }: { page: ItemPageDto }) {
  const t = useT();
  const { slug } = useTenant();
  const [shown, setShown] = useState(FIRST);
  const [older, setOlder] = useState<ActivityDto[]>([]);
  const [exhausted, setExhausted] = useState(page.activity.length < PAGE);
  const more = useMutation({
    mutationFn: (before: string) => tenantClient(slug).jointItem.activity.query({ itemId: page.item.id, before, limit: PAGE }),
  });
  const entries = [...page.activity, ...older];
  const canMore = shown < entries.length || !exhausted;

  const loadMore = async () => {
    const last = entries[entries.length - 1];
    if (shown + STEP > entries.length && !exhausted && last) {
      const next = await more.mutateAsync(last.id);
      setOlder((o) => [...o, ...next]);
      if (next.length < PAGE) setExhausted(true);
    }
    setShown((n) => n + STEP);
  };

  return (
    <Card size="small" title={t('items.act.title')}>
      <ActivityFeed entries={entries.slice(0, shown)} onMore={canMore ? () => void loadMore() : undefined} loadingMore={more.isPending} />
    </Card>
  );
}
