import { useQuery } from '@tanstack/react-query';
import { DOCUMENT_KINDS } from '@uc/contracts';
import { Card, Flex, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { StoredFileList } from '@/features/files/StoredFiles.tsx';
import { StoredFileUpload } from '@/features/files/StoredFileUpload.tsx';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

type Kind = (typeof DOCUMENT_KINDS)[number];

/**
 * The case's documents as files, on the referring federation's side (decision 0053): every file,
 * shared or internal, with preview and download, and an upload marked shared with the partner or
 * internal (the worker's consent decides whether the partner may open a shared one).
 */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const t = useT();
  const { api, slug } = useTenant();
  const docs = useQuery(api.rightsCase.documents.queryOptions({ caseId }));
  const [kind, setKind] = useState<Kind>('pay_slip');
  const [shared, setShared] = useState(true);
  return (
    <Card size="small" title={t('rights.docs.title')} extra={<Typography.Text type="secondary">{t('rights.docs.hint')}</Typography.Text>}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <Select<Kind> aria-label={t('rights.docs.kind')} value={kind} onChange={setKind} style={{ minWidth: 120 }} options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`rights.docKind.${k}`) }))} />
        <Segmented<'shared' | 'internal'>
          value={shared ? 'shared' : 'internal'}
          onChange={(v) => setShared(v === 'shared')}
          options={[
            { value: 'shared', label: t('rights.docs.shared') },
            { value: 'internal', label: t('rights.docs.internal') },
          ]}
        />
        <StoredFileUpload
          label={t('rights.docs.upload')}
          upload={(f) => tenantClient(slug).rightsCase.uploadDocument.mutate({ caseId, kind, shared, note: '', ...f })}
          onDone={async () => void (await docs.refetch())}
        />
      </Flex>
      <StoredFileList
        slug={slug}
        files={docs.data ?? []}
        empty={t('rights.docs.empty')}
        testId="case-document"
        extra={(f) => (
          <>
            <Tag>{t(`rights.docKind.${f.kind}`)}</Tag>
            <Tag color={f.shared ? 'blue' : 'default'}>{f.shared ? t('rights.docs.shared') : t('rights.docs.internal')}</Tag>
          </>
        )}
      />
    </Card>
  );
}
