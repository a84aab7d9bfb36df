import type { ItemPageDto } from '@uc/contracts';
import { Card, Empty } from 'antd';
import { Attachments } from '@/features/items/Attachments.tsx';
import { useT } from '@/lib/locale.ts';

/** Every file attached to the item's updates, newest first. */
export function AttachmentsCard({ page }: { page: ItemPageDto }) {
  const t = useT();
  const attachments = [...page.attachments].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card size="small" title={t('items.att.title')}>
      {attachments.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.att.none')} /> : <Attachments attachments={attachments} parties={page.item.sides} />}
    </Card>
  );
}
