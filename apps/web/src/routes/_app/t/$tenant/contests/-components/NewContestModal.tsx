import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

interface Values {
  agreementId: string;
  title: string;
  year: number;
  judgingPartnerSlugs: string[];
}

/** A joint contest under an active agreement with this federation as organiser; a neutral federation may judge. */
export function NewContestModal({ onClose }: { onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: agreements } = useSuspenseQuery(api.agreement.list.queryOptions({}));
  const { data: directory } = useSuspenseQuery(api.federation.directory.queryOptions());
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<Values, { id: string }>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.contest.pathKey() }),
  });
  const create = useMutation(
    api.contest.create.mutationOptions({
      ...callbacks,
      onSuccess: async (c) => {
        await callbacks.onSuccess(c);
        await navigate({ to: '/t/$tenant/contests/$contestId', params: { tenant: slug, contestId: c.id } });
      },
    }),
  );
  const { saving, problem, modalProps } = status(create);
  const active = agreements.filter((a) => a.status === 'active');
  const agreementId = Form.useWatch('agreementId', form);
  const parties = new Set(active.find((a) => a.id === agreementId)?.parties.map((p) => p.slug) ?? []);
  const required = { required: true, message: t('contest.form.required') };
  return (
    <Modal {...modalProps} title={t('contest.create.title')} okText={t('contest.create.ok')} width={modalProps.width === '100%' ? '100%' : 560}>
      <Form
        form={form}
        layout="vertical"
        disabled={saving}
        initialValues={{ agreementId: active[0]?.id, year: new Date().getFullYear() + 1, judgingPartnerSlugs: [] }}
        onFinish={(v) => create.mutate({ ...v, title: v.title.trim(), idempotencyKey })}
      >
        <Form.Item name="agreementId" label={t('contest.create.agreement')} rules={[required]} extra={t('contest.create.agreementHint')}>
          <Select options={active.map((a) => ({ value: a.id, label: `${a.title}（${a.number}）` }))} />
        </Form.Item>
        <Form.Item name="title" label={t('contest.create.name')} rules={[{ ...required, whitespace: true }, { min: 2, max: 120 }]}>
          <Input maxLength={120} placeholder={t('contest.create.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="year" label={t('contest.col.year')} rules={[required]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="judgingPartnerSlugs" label={t('contest.create.partners')} extra={t('contest.create.partnersHint')}>
          <Select
            mode="multiple"
            maxCount={5}
            options={directory.filter((f) => f.slug !== slug && !parties.has(f.slug)).map((f) => ({ value: f.slug, label: localName(locale, f) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
