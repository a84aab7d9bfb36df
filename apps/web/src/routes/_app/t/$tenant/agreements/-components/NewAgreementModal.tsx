import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { useRequestKey } from '@/features/forms/useRequestKey.ts';
import { DATE_INPUT_FORMATS, toDateString } from '@/lib/dates.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { validationMessage } from '@uc/contracts/i18n/errors';

interface Values {
  fromTemplate: 'twin-city-five-commons' | 'blank';
  partySlugs: string[];
  title?: string;
  termStart?: dayjs.Dayjs | null;
  termEnd?: dayjs.Dayjs | null;
}

/** Drafts an agreement with partner federations from the directory, from the five-commons template or blank. */
export function NewAgreementModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const navigate = useNavigate();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const idempotencyKey = useRequestKey();
  const { data: directory } = useSuspenseQuery(api.federation.directory.queryOptions());
  const create = useMutation(
    api.agreement.create.mutationOptions({
      onSuccess: async ({ id }) => {
        onClose();
        await refresh();
        await navigate({ to: '/t/$tenant/agreements/$agreementId/clauses', params: { tenant: slug, agreementId: id } });
      },
      onError: (err) => showFieldErrors(form, errorInfo(err, '').fields),
    }),
  );
  const problem = formProblem(create.error, t('common.networkError'));

  const submit = (v: Values) =>
    create.mutate({
      idempotencyKey,
      fromTemplate: v.fromTemplate,
      partySlugs: v.partySlugs,
      ...(v.title?.trim() ? { title: v.title.trim() } : {}),
      ...(v.termStart ? { termStart: toDateString(v.termStart) } : {}),
      ...(v.termEnd ? { termEnd: toDateString(v.termEnd) } : {}),
    });

  return (
    <Modal
      open
      title={t('agreements.new.title')}
      okText={t('agreements.new.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ fromTemplate: 'twin-city-five-commons', partySlugs: [] }} onFinish={submit} disabled={create.isPending}>
        <Form.Item name="fromTemplate" label={t('agreements.new.template')}>
          <Radio.Group style={{ width: '100%' }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio value="twin-city-five-commons">
                {t('agreements.new.fiveCommons')}
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                  {t('agreements.new.fiveCommonsHint')}
                </Typography.Paragraph>
              </Radio>
              <Radio value="blank">{t('agreements.new.blank')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="partySlugs"
          label={t('agreements.new.partners')}
          extra={t('agreements.new.partnersHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('agreements.new.partnersRequired') }]}
        >
          <Select
            mode="multiple"
            options={directory.filter((f) => f.slug !== slug).map((f) => ({ value: f.slug, label: localName(locale, f) }))}
            placeholder={t('agreements.new.partnersPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('agreements.new.partners')}
          />
        </Form.Item>
        <Form.Item name="title" label={t('agreements.field.title')} extra={t('agreements.new.titleHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} size={12}>
          <Form.Item name="termStart" label={t('agreements.field.termStart')} extra={t('agreements.new.termStartHint')} style={{ marginBottom: 8 }}>
            <DatePicker format={DATE_INPUT_FORMATS} />
          </Form.Item>
          <Form.Item
            name="termEnd"
            label={t('agreements.field.termEnd')}
            extra={t('agreements.new.termEndHint')}
            style={{ marginBottom: 8 }}
            dependencies={['termStart']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, end: dayjs.Dayjs | null | undefined) => {
                  const start = getFieldValue('termStart') as dayjs.Dayjs | null | undefined;
                  return start && end && end.isBefore(start, 'day') ? Promise.reject(new Error(validationMessage('term_order', locale))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_INPUT_FORMATS} />
          </Form.Item>
        </Space>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
