import { Link } from '@tanstack/react-router';
import type { ActivityDto } from '@uc/contracts';
import { Button, Empty, Timeline, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { activityDetail, activityLabel } from './activityText.ts';
import { personLabel } from '@/components/Person.tsx';

interface Props {
  entries: ActivityDto[];
  /** an agreement's feed names the item of each entry */
  showItem?: boolean;
  onMore?: (() => void) | undefined;
  loadingMore?: boolean;
}

const COLOR: Record<string, string> = { completed: 'green', confirmed: 'blue', reopened: 'orange', overdue: 'red', posted: 'blue' };

/** Every change on an item or an agreement's items, newest first: when, who for which side, what. */
export function ActivityFeed({ entries, showItem, onMore, loadingMore }: Props) {
  const t = useT();
  const { slug } = useTenant();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.act.empty')} />;
  return (
    <>
      <Timeline
        data-testid="activity-feed"
        items={entries.map((e) => {
          const detail = activityDetail(t, e.data);
          const who = personLabel(t, e.actor);
          return {
            key: e.id,
            color: COLOR[e.type.split('.')[1] ?? ''] ?? 'gray',
            content: (
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)} · {who}
                </Typography.Text>
                <div>
                  {activityLabel(t, e.type)}
                  {showItem && e.itemId && e.itemTitle && (
                    <>
                      {' '}
                      <Link to="/t/$tenant/items/$itemId" params={{ tenant: slug, itemId: e.itemId }}>
                        {e.itemTitle}
                      </Link>
                    </>
                  )}
                </div>
                {detail && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {detail}
                  </Typography.Text>
                )}
              </div>
            ),
          };
        })}
      />
      {onMore && (
        <Button block onClick={onMore} loading={loadingMore ?? false}>
          {t('items.act.more')}
        </Button>
      )}
    </>
  );
}
