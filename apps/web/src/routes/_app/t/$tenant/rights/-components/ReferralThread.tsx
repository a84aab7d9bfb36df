import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { personLabel } from '@/components/Person.tsx';
import { useTenant } from '@/components/session.ts';
import { StoredFileList } from '@/features/files/StoredFiles.tsx';
import { StoredFilePick, type PickedFile } from '@/features/files/StoredFileUpload.tsx';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/**
 * The secure thread between the two federations' caseworkers on a referral. Reading it is a read of
 * the shared file (logged on both sides), so it opens on request, as the file does. A message may
 * carry one file (decision 0056), chosen here and sent with it; opening one is logged again.
 */
export function ReferralThread({ id, closed, onRead }: { id: string; closed: boolean; onRead(): void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [file, setFile] = useState<PickedFile | undefined>();
  const thread = useQuery({ ...api.referral.thread.queryOptions({ id }), enabled: open, staleTime: Infinity });
  const post = useMutation(
    api.referral.post.mutationOptions({
      onSuccess: async () => {
        setBody('');
        setFile(undefined);
        await thread.refetch();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  // each fetch of the thread is a logged read: the access log below shows it once it is in
  useEffect(() => {
    if (thread.dataUpdatedAt) onRead();
  }, [thread.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const data = thread.data;
  return (
    <Card size="small" title={t('rights.thread.title')} data-testid="referral-thread">
      {/* the privacy note as a line, not the card's extra: on a phone the extra squeezed the title to one character */}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('rights.thread.private')}
      </Typography.Paragraph>
      {!open && <Button onClick={() => setOpen(true)}>{t('rights.thread.open')}</Button>}
      {open && thread.isLoading && <Typography.Text type="secondary">…</Typography.Text>}
      {data?.access === 'refused' && <Alert type="error" showIcon title={t('rights.detail.fileRefused')} />}
      {data?.access === 'granted' && (
        <Flex vertical gap={8}>
          {data.messages.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rights.thread.empty')} />}
          {data.messages.map((m) => (
            <Flex key={m.id} justify={m.mine ? 'flex-end' : 'flex-start'} data-testid="thread-message">
              <div style={{ maxWidth: '85%', padding: '6px 10px', borderRadius: 8, background: m.mine ? '#e6f4ff' : '#f5f5f5' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${personLabel(t, m.authorPerson)} · ${formatDateTime(m.at)}`}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</div>
                {m.files.length > 0 && (
                  <div onClickCapture={() => setTimeout(onRead, 1500)}>
                    <StoredFileList slug={slug} files={m.files} empty="" testId="thread-file" />
                  </div>
                )}
              </div>
            </Flex>
          ))}
          {!closed && (
            <Flex vertical gap={8}>
              <Flex gap={8} align="flex-end">
                <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} aria-label={t('rights.thread.input')} placeholder={t('rights.thread.input')} />
                <Button type="primary" loading={post.isPending} disabled={!body.trim()} onClick={() => post.mutate({ id, body: body.trim(), ...(file ? { file } : {}) })}>
                  {t('rights.thread.send')}
                </Button>
              </Flex>
              <div>
                <StoredFilePick label={t('rights.thread.attach')} value={file} onChange={setFile} removeLabel={t('rights.thread.removeFile')} testId="thread-attachment" />
              </div>
            </Flex>
          )}
        </Flex>
      )}
    </Card>
  );
}
