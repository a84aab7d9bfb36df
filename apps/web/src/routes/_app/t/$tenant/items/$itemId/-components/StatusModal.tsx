import { useMutation } from '@tanstack/react-query';
import { JOINT_ITEM_TRANSITIONS, STATUS_NEEDS_REASON, type JointItemDto, type JointItemStatus } from '@uc/contracts';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { ConflictAlert, isConflict } from '@/features/items/ConflictAlert.tsx';
import { StatusTag } from '@/features/items/ItemTags.tsx';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

interface Values {
  status: JointItemStatus;
  reason: string;
}

/** The lead federation moves the item along its lifecycle; delaying, cancelling or reopening needs a reason. */
export function StatusModal({ item, onReload, onClose }: { item: JointItemDto; onReload(): Promise<unknown>; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const setStatus = useMutation(api.jointItem.setStatus.mutationOptions());
  const choices = JOINT_ITEM_TRANSITIONS[item.status];
  const chosen = Form.useWatch('status', form);
  const needsReason = chosen !== undefined && (STATUS_NEEDS_REASON.includes(chosen) || item.status === 'done');

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      await setStatus.mutateAsync({ id: item.id, rowVersion: item.rowVersion, status: v.status, reason: v.reason ?? '' });
      message.success(t('items.statusChanged'));
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
      title={t('items.statusTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: choices.length === 0 }}
      confirmLoading={setStatus.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={async () => (await onReload(), setConflict(false), message.info(t('items.conflict.reloaded')))} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <div style={{ marginBottom: 12 }}>
        <StatusTag status={item.status} />
      </div>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="status" label={t('items.statusNew')} rules={[{ required: true }]}>
          <Radio.Group options={choices.map((s) => ({ value: s, label: t(`items.status.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('items.statusReason')}
          rules={[{ required: needsReason, whitespace: true, message: t('items.statusReasonHint') }, { max: 500 }]}
          extra={<Typography.Text type="secondary">{t('items.statusReasonHint')}</Typography.Text>}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
