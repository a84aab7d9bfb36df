import type { MeetingStatus } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const t = useT();
  return <Tag color={status === 'held' ? 'green' : 'gold'}>{t(`meetings.status.${status}`)}</Tag>;
}
