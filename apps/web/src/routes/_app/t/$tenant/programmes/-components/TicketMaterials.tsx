import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { StoredFileList } from '@/features/files/StoredFiles.tsx';
import { useT } from '@/lib/locale.ts';

/** 资料 on a member's ticket: the event's materials, open to members holding a seat (decision 0053). */
export function TicketMaterials({ eventId }: { eventId: string }) {
  const t = useT();
  const { api, slug } = useTenant();
  const list = useQuery({ ...api.programme.material.list.queryOptions({ eventId }), retry: false });
  if (!list.data?.length) return null;
  return (
    <div data-testid="ticket-materials">
      <Typography.Text strong>{t('programme.materials.title')}</Typography.Text>
      <StoredFileList slug={slug} files={list.data} empty={t('programme.materials.empty')} testId="ticket-material" />
    </div>
  );
}
