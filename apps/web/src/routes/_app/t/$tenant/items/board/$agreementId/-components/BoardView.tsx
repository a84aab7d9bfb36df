import { Link } from '@tanstack/react-router';
import { JOINT_ITEM_STATUSES, JOINT_KINDS, type BoardDto, type JointItemDto, type JointItemStatus, type JointKind } from '@uc/contracts';
import { Card, Empty, Flex, Grid, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { HealthTag, KindTag } from '@/features/items/ItemTags.tsx';
import { STATUS_COLOR } from '@/features/items/labels.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { CountMatrix } from './CountMatrix.tsx';

export interface Filter {
  kind?: JointKind | undefined;
  status?: JointItemStatus | undefined;
}

/** The count of every kind × status (click one to narrow), then the items in one column per status. */
export function BoardView({ board }: { board: BoardDto }) {
  const t = useT();
  const { md } = Grid.useBreakpoint();
  const [filter, setFilter] = useState<Filter>({});
  if (board.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.board.empty')} />;
  const shown = board.items.filter((i) => (!filter.kind || i.kind === filter.kind) && (!filter.status || i.status === filter.status));
  // a phone stacks the columns: empty ones would only push the items down
  const statuses = filter.status ? [filter.status] : JOINT_ITEM_STATUSES.filter((s) => ((s !== 'cancelled' && md !== false) || shown.some((i) => i.status === s)));

  return (
    <>
      <CountMatrix cells={board.cells} filter={filter} onFilter={setFilter} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 12, marginTop: 16, alignItems: 'start' }} data-testid="board-columns">
        {statuses.map((status) => {
          const items = shown.filter((i) => i.status === status).sort((a, b) => JOINT_KINDS.indexOf(a.kind) - JOINT_KINDS.indexOf(b.kind));
          return (
            <section key={status} style={{ background: '#fafafa', borderRadius: 8, padding: 8, borderTop: `3px solid ${STATUS_COLOR[status]}`, minWidth: 0 }}>
              <Flex justify="space-between" style={{ padding: '2px 4px 8px' }}>
                <Typography.Text strong>{t(`items.status.${status}`)}</Typography.Text>
                <Typography.Text type="secondary">{items.length}</Typography.Text>
              </Flex>
              <Flex vertical gap={8}>
                {items.map((i) => (
                  <BoardCard key={i.id} item={i} />
                ))}
              </Flex>
            </section>
          );
        })}
      </div>
    </>
  );
}

function BoardCard({ item: i }: { item: JointItemDto }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  return (
    <Card size="small" data-testid="board-card" styles={{ body: { padding: 10 } }}>
      <Link to="/t/$tenant/items/$itemId" params={{ tenant: slug, itemId: i.id }} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
        {i.title}
      </Link>
      <div style={{ marginTop: 4 }}>
        <KindTag kind={i.kind} />
        <HealthTag health={i.health} />
      </div>
      <Progress percent={i.progress.percent} size="small" style={{ margin: '4px 0 0' }} />
      <Typography.Text type={i.overdueMilestones > 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {i.overdueMilestones > 0
          ? t('items.attention.overdue', { count: i.overdueMilestones })
          : i.nextDueDate
            ? t('items.nextDue', { date: formatDate(i.nextDueDate, locale) })
            : t('items.noNextDue')}
      </Typography.Text>
    </Card>
  );
}
