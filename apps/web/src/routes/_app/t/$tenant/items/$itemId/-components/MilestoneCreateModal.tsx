import { useMutation } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { toDateString } from '@/lib/dates.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

interface Values {
  title: string;
  dueDate: Dayjs;
  ownerName?: string;
}

/** The lead federation adds a dated milestone (a calendar date in China), naming its own side's owner. */
export function MilestoneCreateModal({ itemId, onClose }: { itemId: string; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(api.jointItem.milestone.create.mutationOptions());

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      await create.mutateAsync({ itemId, title: v.title, dueDate: toDateString(v.dueDate), ownerUserId: null, ownerName: v.ownerName ?? '' });
      message.success(t('items.ms.created'));
      await refresh();
      onClose();
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (Object.keys(info.fields).length) showFieldErrors(form, info.fields);
      else setProblem(info.message);
    }
  };

  return (
    <Modal open title={t('items.ms.addTitle')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t('items.ms.name')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('items.ms.due')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ownerName" label={t('items.ms.owner')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
