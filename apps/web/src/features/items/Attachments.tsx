import { DownloadOutlined, EyeOutlined, FileExcelOutlined, FileOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { AttachmentDto } from '@uc/contracts';
import { Button, Flex, Image, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '@/lib/locale.ts';
import { personLabel } from '@/components/Person.tsx';
import { formatBytes, officeKind, previewKind } from './files.ts';
import { partyName } from './parties.ts';

const downloadUrl = (a: AttachmentDto) => `${a.url}${a.url.includes('?') ? '&' : '?'}download=1`;

/** Attachments with an inline preview (images in a viewer, PDFs in the browser's own reader) and a download. */
export function Attachments({ attachments, parties }: { attachments: AttachmentDto[]; parties: { partySlug: string; partyNameZh: string; partyNameEn: string }[] }) {
  const t = useT();
  const locale = useLocale();
  const [pdf, setPdf] = useState<AttachmentDto | null>(null);
  const [image, setImage] = useState<AttachmentDto | null>(null);

  return (
    <Flex vertical gap={6} data-testid="attachments">
      {attachments.map((a) => {
        const kind = previewKind(a.contentType);
        return (
          <Flex key={a.id} align="center" gap={8} style={{ minWidth: 0 }} data-testid="attachment">
            {kind === 'image' ? (
              <Image
                src={a.url}
                alt={a.filename}
                width={40}
                height={40}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                preview={{ open: image?.id === a.id, onOpenChange: (open) => setImage(open ? a : null) }}
              />
            ) : kind === 'pdf' ? (
              <FilePdfOutlined style={{ color: '#cf1322', fontSize: 20 }} />
            ) : officeKind(a.contentType) === 'word' ? (
              <FileWordOutlined style={{ color: '#1d39c4', fontSize: 20 }} />
            ) : officeKind(a.contentType) === 'excel' ? (
              <FileExcelOutlined style={{ color: '#237804', fontSize: 20 }} />
            ) : (
              <FileOutlined style={{ fontSize: 20 }} />
            )}
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text ellipsis={{ tooltip: a.filename }} style={{ display: 'block' }}>
                {a.filename}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }} data-testid="attachment-meta">
                {t('items.att.meta', { party: partyName(parties, a.partySlug, locale), size: formatBytes(a.size) })} · {t('items.att.by', { person: personLabel(t, a.uploadedBy) })}
              </Typography.Text>
            </div>
            {kind && (
              <Button size="small" type="text" icon={<EyeOutlined />} aria-label={`${t('items.att.preview')} ${a.filename}`} onClick={() => (kind === 'pdf' ? setPdf(a) : setImage(a))} />
            )}
            <Button size="small" type="text" icon={<DownloadOutlined />} aria-label={`${t('items.att.download')} ${a.filename}`} href={downloadUrl(a)} />
          </Flex>
        );
      })}
      <Modal open={pdf !== null} title={pdf?.filename} footer={null} width="min(960px, 100vw)" onCancel={() => setPdf(null)} destroyOnHidden styles={{ body: { padding: 0 } }}>
        {pdf && <iframe src={pdf.url} title={pdf.filename} data-testid="pdf-preview" style={{ width: '100%', height: '75vh', border: 0 }} />}
      </Modal>
    </Flex>
  );
}
