import { useMutation, useQuery } from '@tanstack/react-query';
import type { JointItemDto, JointItemSideDto } from '@uc/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { ConflictAlert, isConflict } from '@/features/items/ConflictAlert.tsx';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

interface Values {
  responsibleUserId: string | null;
  responsibleName: string;
  responsibleContact: string;
}

/** A lead names their own side's responsible person: one of their staff (or just a name) and a contact. */
export function SideEditModal({ item, side, onReload, onClose }: { item: JointItemDto; side: JointItemSideDto; onReload(): Promise<unknown>; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const staff = useQuery(api.staff.list.queryOptions());
  const save = useMutation(api.jointItem.updateSide.mutationOptions());

  const submit = async (v: Values) => {
    setProblem(null);
    try {
      await save.mutateAsync({ id: item.id, rowVersion: item.rowVersion, partySlug: side.partySlug, responsibleUserId: v.responsibleUserId ?? null, responsibleName: v.responsibleName ?? '', responsibleContact: v.responsibleContact ?? '' });
      message.success(t('items.saved'));
      await refresh();
      onClose();
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (isConflict(info.code)) return setConflict(true);
      if (Object.keys(info.fields).length) showFieldErrors(form, info.fields);
      else setProblem(info.message);
    }
  };

  return (
    <Modal
      open
      title={t('items.sides.editTitle', { party: localName(locale, { nameZh: side.partyNameZh, nameEn: side.partyNameEn }) })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && <ConflictAlert onReload={async () => (await onReload(), setConflict(false), message.info(t('items.conflict.reloaded')))} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ responsibleUserId: side.responsibleUserId, responsibleName: side.responsibleName, responsibleContact: side.responsibleContact }}
      >
        <Form.Item name="responsibleUserId" label={t('items.sides.pickStaff')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={staff.isLoading}
            options={(staff.data ?? []).map((s) => ({ value: s.userId, label: `${s.displayName}（${s.email}）` }))}
            onChange={(userId: string | undefined) => {
              const person = staff.data?.find((s) => s.userId === userId);
              if (person) form.setFieldsValue({ responsibleName: person.displayName, responsibleContact: form.getFieldValue('responsibleContact') || person.email });
            }}
          />
        </Form.Item>
        <Form.Item name="responsibleName" label={t('items.sides.responsible')} rules={[{ max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="responsibleContact" label={t('items.sides.contact')} rules={[{ max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
