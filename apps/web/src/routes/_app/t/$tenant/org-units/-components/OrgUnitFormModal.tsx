import { useMutation } from '@tanstack/react-query';
import { ORG_UNIT_KINDS, type OrgUnitDto } from '@uc/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { validationMessage } from '@uc/contracts/i18n/errors';
import { useLocale, useT } from '@/lib/locale.ts';
import { CHILD_KIND } from './kinds.ts';

export type OrgUnitFormTarget = { mode: 'create'; parent: OrgUnitDto } | { mode: 'edit'; unit: OrgUnitDto };

interface Values {
  name: string;
  code: string;
  kind: OrgUnitDto['kind'];
  sortOrder: number;
}

/** Adds a unit under a parent, or renames / re-kinds / re-orders one. */
export function OrgUnitFormModal({ target, onClose }: { target: OrgUnitFormTarget; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const done = (unit: OrgUnitDto) => {
    void message.success(target.mode === 'create' ? t('orgUnits.created', { name: unit.name }) : t('common.saved'));
    onClose();
    return refresh();
  };
  const onError = (err: unknown) => showFieldErrors(form, errorInfo(err, '').fields);
  const create = useMutation(api.orgUnit.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(api.orgUnit.update.mutationOptions({ onSuccess: done, onError }));
  const saving = create.isPending || update.isPending;
  const problem = formProblem(create.error ?? update.error, t('common.networkError'));

  const submit = (v: Values) =>
    target.mode === 'create'
      ? create.mutate({ parentId: target.parent.id, ...v, code: v.code.trim() || undefined })
      : update.mutate({ id: target.unit.id, version: target.unit.version, ...v, code: v.code.trim() || null });

  const initial: Values =
    target.mode === 'create'
      ? { name: '', code: '', kind: CHILD_KIND[target.parent.kind], sortOrder: 0 }
      : { name: target.unit.name, code: target.unit.code ?? '', kind: target.unit.kind, sortOrder: target.unit.sortOrder };

  return (
    <Modal
      open
      title={target.mode === 'create' ? t('orgUnits.createTitle', { parent: target.parent.name }) : t('orgUnits.editTitle', { name: target.unit.name })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={saving}>
        <Form.Item name="name" label={t('orgUnits.name')} rules={[{ required: true, whitespace: true, max: 80, message: t('common.required', { field: t('orgUnits.name') }) }]}>
          <Input autoFocus maxLength={80} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgUnits.code')}
          extra={t('orgUnits.codeHint')}
          rules={[{ pattern: /^\s*[A-Za-z0-9_-]{0,32}\s*$/, message: validationMessage('org_unit_code_invalid', locale) }]}
        >
          <Input maxLength={32} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgUnits.kind')} rules={[{ required: true }]}>
          <Select options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnitKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('orgUnits.sortOrder')} extra={t('orgUnits.sortOrderHint')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
