import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { acceptAttribute, acceptedType, ATTACHMENT_LIMITS, checkFile, formatBytes } from '@/features/items/files.ts';
import { errorInfo } from '@/lib/errors.ts';
import { readAsBase64 } from '@/lib/readFile.ts';
import { useT } from '@/lib/locale.ts';

// The upload half of the one file store in the web (decision 0053), apart from the list so that a
// page that only lists files does not load Upload and the file reader.

const MAX = formatBytes(ATTACHMENT_LIMITS.maxBytes);

/** Choose a file, check it here, upload it with `upload` (base64); errors are shown as the API words them. */
export function StoredFileUpload({ label, upload, onDone }: { label: string; upload(file: { filename: string; contentType: string; base64: string }): Promise<unknown>; onDone?(): void | Promise<void> }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (file: File) => {
    const refused = checkFile(file, ATTACHMENT_LIMITS);
    const contentType = acceptedType(file, ATTACHMENT_LIMITS.types);
    if (refused?.problem === 'empty') return void message.error(t('items.upd.emptyFile', { name: file.name }));
    if (refused?.problem === 'tooLarge') return void message.error(t('items.upd.tooLarge', { name: file.name, size: MAX }));
    if (refused || !contentType) return void message.error(t('items.upd.badType', { name: file.name }));
    setBusy(true);
    try {
      await upload({ filename: file.name, contentType, base64: await readAsBase64(file) });
      void message.success(t('files.uploaded', { name: file.name }));
      await onDone?.();
    } catch (err) {
      void message.error(errorInfo(err, t('common.networkError')).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept={acceptAttribute(ATTACHMENT_LIMITS)}
      showUploadList={false}
      beforeUpload={(file) => {
        void add(file);
        return Upload.LIST_IGNORE;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy}>
        {label}
      </Button>
    </Upload>
  );
}
