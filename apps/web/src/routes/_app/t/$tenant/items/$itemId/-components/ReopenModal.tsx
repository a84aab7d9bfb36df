import { useMutation } from '@tanstack/react-query';
import type { MilestoneDto } from '@uc/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { ConflictAlert, isConflict } from '@/features/items/ConflictAlert.tsx';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** Either side's lead reopens a milestone with a reason; both must confirm it again. */
export function ReopenModal({ milestone, onReload, onClose }: { milestone: MilestoneDto; onReload(): Promise<unknown>; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<{ reason: string }>();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reopen = useMutation(api.jointItem.milestone.reopen.mutationOptions());

  const submit = async ({ reason }: { reason: string }) => {
    setProblem(null);
    try {
      await reopen.mutateAsync({ id: milestone.id, round: milestone.round, reason });
      message.success(t('items.ms.reopened'));
      await refresh();
      onClose();
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (isConflict(info.code)) setConflict(true);
      else setProblem(info.message);
    }
  };

  return (
    <Modal
      open
      title={t('items.ms.reopenTitle', { title: milestone.title })}
      okText={t('items.ms.reopen')}
      onOk={() => form.submit()}
      confirmLoading={reopen.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={async () => (await onReload(), setConflict(false), message.info(t('items.conflict.reloaded')))} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('items.ms.reopenHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('items.ms.reopenReason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('items.ms.reopenReason') }) }, { max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
