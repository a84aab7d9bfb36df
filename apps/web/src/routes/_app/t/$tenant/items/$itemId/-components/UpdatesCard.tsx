import { PlusOutlined } from '@ant-design/icons';
import type { ItemPageDto } from '@uc/contracts';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Person } from '@/components/Person.tsx';
import { Attachments } from '@/features/items/Attachments.tsx';
import { HealthTag } from '@/features/items/ItemTags.tsx';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { PostUpdateModal } from './PostUpdateModal.tsx';

/** Progress updates from both sides, newest first, each with its health, text and attachments. */
export function UpdatesCard({ page }: { page: ItemPageDto }) {
  const t = useT();
  const [posting, setPosting] = useState(false);
  const updates = [...page.updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Card
      size="small"
      title={t('items.upd.title')}
      extra={
        page.permissions.canWrite && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
            {t('items.upd.post')}
          </Button>
        )
      }
    >
      {updates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.upd.none')} />
      ) : (
        <Flex vertical gap={0}>
          {updates.map((u, i) => (
            <div key={u.id} data-testid="progress-update" style={{ padding: '12px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <Person value={u.author} inline /> · {formatDateTime(u.createdAt)}
                </Typography.Text>
                <HealthTag health={u.health} />
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '6px 0' }}>{u.text}</Typography.Paragraph>
              {u.attachments.length > 0 && <Attachments attachments={u.attachments} parties={page.item.sides} />}
            </div>
          ))}
        </Flex>
      )}
      {posting && <PostUpdateModal itemId={page.item.id} onClose={() => setPosting(false)} />}
    </Card>
  );
}
