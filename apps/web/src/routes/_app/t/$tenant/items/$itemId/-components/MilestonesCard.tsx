import { PlusOutlined } from '@ant-design/icons';
import type { ItemPageDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/locale.ts';
import { MilestoneCreateModal } from './MilestoneCreateModal.tsx';
import { MilestoneRow } from './MilestoneRow.tsx';
import { ReopenModal } from './ReopenModal.tsx';

/** The item's milestones in date order, each with both sides' confirmations and what the reader may do. */
export function MilestonesCard({ page, onReload }: { page: ItemPageDto; onReload(): Promise<unknown> }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  // by id, so a reload shows the dialog the latest round
  const [reopeningId, setReopeningId] = useState<string | null>(null);
  const reopening = page.milestones.find((m) => m.id === reopeningId);
  const milestones = [...page.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));

  return (
    <Card
      size="small"
      title={t('items.ms.title')}
      extra={
        page.permissions.canEditCore && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('items.ms.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 0 }}>
        {t('items.ms.confirmHint')}
      </Typography.Paragraph>
      {milestones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.ms.empty')} />
      ) : (
        <Flex vertical gap={0}>
          {milestones.map((m, i) => (
            <MilestoneRow key={m.id} milestone={m} page={page} first={i === 0} onReopen={() => setReopeningId(m.id)} onReload={onReload} />
          ))}
        </Flex>
      )}
      {adding && <MilestoneCreateModal itemId={page.item.id} onClose={() => setAdding(false)} />}
      {reopening && <ReopenModal milestone={reopening} onReload={onReload} onClose={() => setReopeningId(null)} />}
    </Card>
  );
}
