import { DownloadOutlined, EyeOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatBytes, previewKind } from '@/features/items/files.ts';
import { useT } from '@/lib/locale.ts';

// The one file store in the web (decision 0053): a list of stored files with preview (a new tab:
// the API serves images and PDFs inline) and download, and an upload button that checks a file
// against the limits before sending it (StoredFileUpload.tsx). Rights case documents and programme
// materials use both; the API checks again, by the file's bytes. The list is plain markup, not
// AntD's List (which brings pagination and select): members read it on their ticket (light pages).

export interface StoredFileRow {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** the API's GET path (/api/…); served under the federation's path so the right membership reads it */
  url: string;
}

/** the API path under the federation (/api/t/<slug>/…): the file is read as this federation */
export const fileHref = (slug: string, url: string, download = false) => `${url.replace(/^\/api\//, `/api/t/${slug}/`)}${download ? '?download=1' : ''}`;

function icon(contentType: string) {
  const kind = previewKind(contentType);
  return kind === 'image' ? <FileImageOutlined /> : kind === 'pdf' ? <FilePdfOutlined /> : <FileOutlined />;
}

export function StoredFileList<F extends StoredFileRow>({ slug, files, empty, extra, testId }: { slug: string; files: F[]; empty: string; extra?: (f: F) => ReactNode; testId?: string }) {
  const t = useT();
  if (!files.length) return <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>{empty}</Typography.Paragraph>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {files.map((f) => (
        <li key={f.id} data-testid={testId} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
          <Flex wrap justify="space-between" align="center" gap={8}>
            <Space wrap size={8}>
              {icon(f.contentType)}
              <Typography.Text>{f.filename}</Typography.Text>
              <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
              {extra?.(f)}
            </Space>
            <Space size={16}>
              {previewKind(f.contentType) && (
                <a href={fileHref(slug, f.url)} target="_blank" rel="noopener noreferrer">
                  <EyeOutlined /> {t('files.preview')}
                </a>
              )}
              <a href={fileHref(slug, f.url, true)}>
                <DownloadOutlined /> {t('files.download')}
              </a>
            </Space>
          </Flex>
        </li>
      ))}
    </ul>
  );
}
