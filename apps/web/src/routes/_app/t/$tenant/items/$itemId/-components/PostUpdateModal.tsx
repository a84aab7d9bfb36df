import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { HEALTHS, type Health } from '@uc/contracts';
import { Alert, App, Button, Form, Input, Modal, Radio, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { acceptAttribute, acceptedType, ATTACHMENT_LIMITS, checkFile, formatBytes } from '@/features/items/files.ts';
import { readAsBase64 } from '@/lib/readFile.ts';
import { HEALTH_COLOR } from '@/features/items/labels.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

interface Values {
  health: Health;
  text: string;
}

const MAX = formatBytes(ATTACHMENT_LIMITS.maxBytes);

/**
 * A progress update by either side: health, text, and attachments. Each file is checked against
 * the limits in the browser, uploaded at once (one request each), and named by the update on posting.
 */
export function PostUpdateModal({ itemId, onClose }: { itemId: string; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const post = useMutation(api.jointItem.progress.post.mutationOptions());
  const uploading = files.some((f) => f.status === 'uploading');
  const patch = (uid: string, change: Partial<UploadFile>) => setFiles((all) => all.map((f) => (f.uid === uid ? { ...f, ...change } : f)));

  const add = async (file: File & { uid: string }) => {
    const refused = checkFile(file, ATTACHMENT_LIMITS);
    const contentType = acceptedType(file, ATTACHMENT_LIMITS.types);
    if (refused?.problem === 'empty') return void message.error(t('items.upd.emptyFile', { name: file.name }));
    if (refused?.problem === 'tooLarge') return void message.error(t('items.upd.tooLarge', { name: file.name, size: MAX }));
    if (refused || !contentType) return void message.error(t('items.upd.badType', { name: file.name }));
    setFiles((all) => [...all, { uid: file.uid, name: file.name, size: file.size, type: contentType, status: 'uploading', percent: 20 }]);
    try {
      const base64 = await readAsBase64(file);
      patch(file.uid, { percent: 60 });
      const att = await tenantClient(slug).jointItem.attachment.upload.mutate({ itemId, filename: file.name, contentType, base64 });
      patch(file.uid, { status: 'done', percent: 100, url: att.url, thumbUrl: att.contentType.startsWith('image/') ? att.url : undefined, response: att.id });
    } catch (err) {
      patch(file.uid, { status: 'error', response: errorInfo(err, t('common.networkError')).message });
    }
  };

  const submit = async (v: Values) => {
    setProblem(null);
    const attachmentIds = files.filter((f) => f.status === 'done').map((f) => String(f.response));
    try {
      await post.mutateAsync({ itemId, health: v.health, text: v.text, attachmentIds });
      message.success(t('items.upd.posted'));
      await refresh();
      onClose();
    } catch (err) {
      setProblem(errorInfo(err, t('common.networkError')).message);
    }
  };

  return (
    <Modal
      open
      title={t('items.upd.postTitle')}
      okText={t('items.upd.post')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: uploading }}
      confirmLoading={post.isPending}
      onCancel={onClose}
      width="min(640px, 100vw)"
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ health: 'on_track' }}>
        <Form.Item name="health" label={t('items.upd.health')} rules={[{ required: true }]}>
          <Radio.Group
            options={HEALTHS.map((h) => ({
              value: h,
              label: (
                <span>
                  <span style={{ color: HEALTH_COLOR[h] }}>●</span> {t(`items.health.${h}`)}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item name="text" label={t('items.upd.text')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount placeholder={t('items.upd.textPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('items.upd.attach')} extra={t('items.upd.limits', { size: MAX, count: ATTACHMENT_LIMITS.maxCount })}>
          <Upload
            multiple
            listType="picture"
            accept={acceptAttribute(ATTACHMENT_LIMITS)}
            fileList={files}
            beforeUpload={(file) => {
              if (files.length >= ATTACHMENT_LIMITS.maxCount) message.error(t('items.upd.tooMany', { count: ATTACHMENT_LIMITS.maxCount }));
              else void add(file);
              return Upload.LIST_IGNORE;
            }}
            onRemove={(f) => setFiles((all) => all.filter((x) => x.uid !== f.uid))}
            showUploadList={{ showPreviewIcon: false }}
          >
            <Button icon={<PaperClipOutlined />}>{t('items.upd.attach')}</Button>
          </Upload>
          {uploading && <Typography.Text type="secondary">{t('items.upd.uploading')}</Typography.Text>}
        </Form.Item>
      </Form>
    </Modal>
  );
}
