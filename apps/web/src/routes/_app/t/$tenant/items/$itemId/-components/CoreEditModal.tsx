import { useMutation } from '@tanstack/react-query';
import { PROJECT_PHASES, type ItemPageDto, type JointItemDto, type ProjectPhase } from '@uc/contracts';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { ConflictAlert, isConflict } from '@/features/items/ConflictAlert.tsx';
import { changedFields, mergeAfterReload } from '@/features/items/merge.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { formatDate, toDateString } from '@/lib/dates.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';

interface FormValues {
  title: string;
  description: string;
  period: [Dayjs, Dayjs];
  phase?: ProjectPhase;
}
/** the same fields as plain strings, to compare and merge */
type Core = { title: string; description: string; startDate: string; endDate: string; phase: string };

const coreOf = (i: JointItemDto): Core => ({ title: i.title, description: i.description, startDate: i.startDate, endDate: i.endDate, phase: i.phase ?? '' });
const fromForm = (v: FormValues): Core => ({
  title: v.title ?? '',
  description: v.description ?? '',
  startDate: v.period ? toDateString(v.period[0]) : '',
  endDate: v.period ? toDateString(v.period[1]) : '',
  phase: v.phase ?? '',
});
const toForm = (c: Core): FormValues => ({
  title: c.title,
  description: c.description,
  period: [dayjs(c.startDate), dayjs(c.endDate)],
  ...(c.phase ? { phase: c.phase as ProjectPhase } : {}),
});

/**
 * The lead federation edits the core fields; a save sends only what the user changed. When someone
 * else saved first, "load the latest" refreshes the fields the user left alone, keeps what they
 * typed, and marks where both changed the same field.
 */
export function CoreEditModal({ item, onReload, onClose }: { item: JointItemDto; onReload(): Promise<ItemPageDto | undefined>; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const [form] = Form.useForm<FormValues>();
  // what the form was filled from: the item when opened, the latest after a reload
  const [base, setBase] = useState<{ core: Core; rowVersion: number }>(() => ({ core: coreOf(item), rowVersion: item.rowVersion }));
  const [stale, setStale] = useState(false);
  const [clashes, setClashes] = useState<(keyof Core)[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const update = useMutation(api.jointItem.update.mutationOptions());

  const submit = async (v: FormValues) => {
    setProblem(null);
    const { phase, ...changed } = changedFields(fromForm(v), base.core);
    if (Object.keys(changed).length === 0 && !phase) return onClose();
    try {
      await update.mutateAsync({
        id: item.id,
        rowVersion: base.rowVersion,
        ...changed,
        ...(phase ? { phase: phase as ProjectPhase } : {}),
      });
      message.success(t('items.saved'));
      await refresh();
      onClose();
    } catch (err) {
      const info = errorInfo(err, t('common.networkError'));
      if (isConflict(info.code)) return setStale(true);
      if (Object.keys(info.fields).length) showFieldErrors(form, info.fields);
      else setProblem(info.message);
    }
  };

  const reload = async () => {
    const latest = (await onReload())?.item;
    if (!latest) return;
    const merged = mergeAfterReload(fromForm(form.getFieldsValue(true) as FormValues), base.core, coreOf(latest));
    form.setFieldsValue(toForm(merged.values));
    setBase({ core: coreOf(latest), rowVersion: latest.rowVersion });
    setClashes(merged.clashes);
    setStale(false);
    message.info(t('items.conflict.reloaded'));
  };

  /** where both changed a field: what is saved now, under the user's own input */
  const saved = (keys: (keyof Core)[], text: string) =>
    keys.some((k) => clashes.includes(k)) ? (
      <Typography.Text type="warning" data-testid="current-value">
        {t('items.conflict.current', { value: text || '—' })}
      </Typography.Text>
    ) : null;

  return (
    <Modal
      open
      title={t('items.editCoreTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      onCancel={onClose}
      width="min(640px, 100vw)"
      destroyOnHidden
    >
      {stale && <ConflictAlert onReload={reload} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={toForm(base.core)}>
        <Form.Item name="title" label={t('items.field.title')} rules={[{ required: true, whitespace: true, max: 120 }]} extra={saved(['title'], base.core.title)}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('items.field.period')}
          rules={[{ required: true }]}
          extra={saved(['startDate', 'endDate'], `${formatDate(base.core.startDate, locale)} – ${formatDate(base.core.endDate, locale)}`)}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        {item.kind === 'project' && (
          <Form.Item name="phase" label={t('items.field.phase')} extra={saved(['phase'], base.core.phase ? t(`items.phase.${base.core.phase as ProjectPhase}`) : '')}>
            <Select options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`items.phase.${p}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('items.field.description')} rules={[{ max: 2000 }]} extra={saved(['description'], base.core.description)}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
