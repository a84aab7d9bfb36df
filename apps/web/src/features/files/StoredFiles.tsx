import { DownloadOutlined, EyeOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, App, List, Space, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { acceptAttribute, acceptedType, ATTACHMENT_LIMITS, checkFile, formatBytes, previewKind } from '@/features/items/files.ts';
import { errorInfo } from '@/lib/errors.ts';
import { readAsBase64 } from '@/lib/readFile.ts';
import { useT } from '@/lib/locale.ts';

// The one file store in the web (decision 0053): a list of stored files with preview (a new tab:
// the API serves images and PDFs inline) and download, and an upload button that checks a file
// against the limits before sending it. Rights case documents and programme materials use both;
// the API checks again, by the file's bytes.

export interface StoredFileRow {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** the API's GET path (/api/…); served under the federation's path so the right membership reads it */
  url: string;
}

const MAX = formatBytes(ATTACHMENT_LIMITS.maxBytes);

/** the API path under the federation (/api/t/<slug>/…): the file is read as this federation */
export const fileHref = (slug: string, url: string, download = false) => `${url.replace(/^\/api\//, `/api/t/${slug}/`)}${download ? '?download=1' : ''}`;

function icon(contentType: string) {
  const kind = previewKind(contentType);
  return kind === 'image' ? <FileImageOutlined /> : kind === 'pdf' ? <FilePdfOutlined /> : <FileOutlined />;
}

export function StoredFileList<F extends StoredFileRow>({ slug, files, empty, extra, testId }: { slug: string; files: F[]; empty: string; extra?: (f: F) => ReactNode; testId?: string }) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={files}
      locale={{ emptyText: empty }}
      renderItem={(f) => (
        <List.Item
          data-testid={testId}
          actions={[
            ...(previewKind(f.contentType)
              ? [
                  <a key="preview" href={fileHref(slug, f.url)} target="_blank" rel="noopener noreferrer">
                    <EyeOutlined /> {t('files.preview')}
                  </a>,
                ]
              : []),
            <a key="download" href={fileHref(slug, f.url, true)}>
              <DownloadOutlined /> {t('files.download')}
            </a>,
          ]}
        >
          <Space wrap size={8}>
            {icon(f.contentType)}
            <Typography.Text>{f.filename}</Typography.Text>
            <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
            {extra?.(f)}
          </Space>
        </List.Item>
      )}
    />
  );
}

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
