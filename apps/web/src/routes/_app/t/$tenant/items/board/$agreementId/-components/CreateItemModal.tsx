import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { JOINT_KINDS, type BoardDto, type JointKind } from '@uc/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { toDateString } from '@/lib/dates.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

interface Values {
  kind: JointKind;
  title: string;
  description: string;
  leadSlug: string;
  period: [Dayjs, Dayjs];
  responsibleName: string;
  responsibleContact: string;
}

/** Either side's lead adds an item later on; the other side sees who added it. Opens the new item. */
export function CreateItemModal({ agreement, onClose }: { agreement: BoardDto['agreement']; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const navigate = useNavigate();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(api.jointItem.create.mutationOptions());

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      const item = await create.mutateAsync({
        agreementId: agreement.id,
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        leadSlug: v.leadSlug,
        startDate: toDateString(v.period[0]),
        endDate: toDateString(v.period[1]),
        ownSide: { responsibleUserId: null, responsibleName: v.responsibleName ?? '', responsibleContact: v.responsibleContact ?? '' },
      });
      message.success(t('items.board.created'));
      await refresh();
      onClose();
      await navigate({ to: '/t/$tenant/items/$itemId', params: { tenant: slug, itemId: item.id } });
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (Object.keys(info.fields).length) showFieldErrors(form, info.fields);
      else setProblem(info.message);
    }
  };

  return (
    <Modal open title={t('items.board.createTitle')} okText={t('common.save')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} width="min(640px, 100vw)" destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ leadSlug: slug }}>
        <Form.Item name="kind" label={t('items.field.kind')} rules={[{ required: true }]}>
          <Select options={JOINT_KINDS.map((k) => ({ value: k, label: t(`items.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('items.field.title')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="leadSlug" label={t('items.field.lead')} rules={[{ required: true }]}>
          <Select options={agreement.parties.map((p) => ({ value: p.slug, label: localName(locale, p) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('items.field.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('items.field.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="responsibleName" label={`${t('items.sides.mine')} · ${t('items.sides.responsible')}`} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="responsibleContact" label={`${t('items.sides.mine')} · ${t('items.sides.contact')}`} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
