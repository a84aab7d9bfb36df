import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Tag, Upload } from 'antd';
import { useState } from 'react';
import { acceptAttribute, acceptedType, ATTACHMENT_LIMITS, checkFile, formatBytes, type FileLimits } from '@/features/items/files.ts';
import { errorInfo } from '@/lib/errors.ts';
import { readAsBase64 } from '@/lib/readFile.ts';
import { useT } from '@/lib/locale.ts';

// The upload half of the one file store in the web (decision 0053), apart from the list so that a
// page that only lists files does not load Upload and the file reader.

/**
 * Choose a file, check it here, upload it with `upload` (base64); errors are shown as the API words them.
 * `limits` narrows the accepted files (a signed consent form: scans and photos only); `quiet` leaves
 * the success message to the caller — for a file that is only chosen here and sent with a form.
 */
export function StoredFileUpload({
  label,
  upload,
  onDone,
  limits = ATTACHMENT_LIMITS,
  quiet = false,
}: {
  label: string;
  upload(file: { filename: string; contentType: string; base64: string }): Promise<unknown>;
  onDone?(): void | Promise<void>;
  limits?: FileLimits;
  quiet?: boolean;
}) {
  const t = useT();
  const MAX = formatBytes(limits.maxBytes);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (file: File) => {
    const refused = checkFile(file, limits);
    const contentType = acceptedType(file, limits.types);
    if (refused?.problem === 'empty') return void message.error(t('items.upd.emptyFile', { name: file.name }));
    if (refused?.problem === 'tooLarge') return void message.error(t('items.upd.tooLarge', { name: file.name, size: MAX }));
    if (refused || !contentType) return void message.error(t('items.upd.badType', { name: file.name }));
    setBusy(true);
    try {
      await upload({ filename: file.name, contentType, base64: await readAsBase64(file) });
      if (!quiet) void message.success(t('files.uploaded', { name: file.name }));
      await onDone?.();
    } catch (err) {
      void message.error(errorInfo(err, t('common.networkError')).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept={acceptAttribute(limits)}
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

export interface PickedFile {
  filename: string;
  contentType: string;
  base64: string;
}

/**
 * A file chosen (and checked) here but sent with something else — the consent form with the consent,
 * an attachment with its message: a form control (value / onChange) showing the chosen file's name,
 * removable until it is sent.
 */
export function StoredFilePick({ label, value, onChange, limits, removeLabel, testId }: { label: string; value?: PickedFile | undefined; onChange?(v: PickedFile | undefined): void; limits?: FileLimits; removeLabel: string; testId?: string }) {
  if (!value) return <StoredFileUpload label={label} limits={limits} quiet upload={async (f) => onChange?.(f)} />;
  return (
    <Tag closable closeIcon={<span aria-label={removeLabel}>×</span>} onClose={() => onChange?.(undefined)} icon={<PaperClipOutlined />} data-testid={testId} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
      {value.filename}
    </Tag>
  );
}
