import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { StoredFileList } from '@/features/files/StoredFiles.tsx';
import { StoredFileUpload } from '@/features/files/StoredFileUpload.tsx';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

/** An event's materials (资料, decision 0053) for staff: both organisers upload; both parties' staff and registered members read. */
export function MaterialsCard({ eventId, canUpload }: { eventId: string; canUpload: boolean }) {
  const t = useT();
  const { api, slug } = useTenant();
  const list = useQuery(api.programme.material.list.queryOptions({ eventId }));
  return (
    <Card size="small" title={t('programme.materials.title')} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{t('programme.materials.hint')}</Typography.Text>}>
      {canUpload && (
        <Flex style={{ marginBottom: 8 }}>
          <StoredFileUpload label={t('programme.materials.upload')} upload={(f) => tenantClient(slug).programme.material.upload.mutate({ eventId, ...f })} onDone={async () => void (await list.refetch())} />
        </Flex>
      )}
      <StoredFileList slug={slug} files={list.data ?? []} empty={t('programme.materials.empty')} testId="programme-material" extra={(m) => <Typography.Text type="secondary">{m.party}</Typography.Text>} />
    </Card>
  );
}
