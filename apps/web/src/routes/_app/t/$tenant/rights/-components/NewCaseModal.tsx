import { useMutation } from '@tanstack/react-query';
import { CASE_SOURCES, DISPUTE_KINDS } from '@uc/contracts';
import { Alert, App, Divider, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { useValidationRules } from '@/features/forms/validationRules.ts';
import { yuanToFen } from '@/features/recuperation/money.ts';
import { formProblem } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';
import { ConsentFields, consentDefaults, consentPayload, type ConsentValues } from './ConsentFields.tsx';

interface Values extends ConsentValues {
  workerName: string;
  workerMobile?: string;
  idNumber?: string;
  employerName: string;
  employerCreditCode?: string;
  employerCity: string;
  disputeKind: (typeof DISPUTE_KINDS)[number];
  facts: string;
  claims?: string;
  amount?: string;
  source: (typeof CASE_SOURCES)[number];
  internalNotes?: string;
}

/** Records a case with the worker's separate consent for one partner and refers it there, in one go (phone-first: one column). */
export function NewCaseModal({ onClose, onDone }: { onClose(): void; onDone(referralId: string): void }) {
  const t = useT();
  const rules = useValidationRules();
  const { message } = App.useApp();
  const { slug } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: async (v: Values) => {
      // one request, all or nothing: the case, the consent with its signed form (decision 0056) and the referral
      const r = await tenantClient(slug).rightsCase.intake.mutate({
        memberId: null,
        workerName: v.workerName,
        workerMobile: v.workerMobile?.trim() || null,
        idNumber: v.idNumber?.trim() || null,
        employerName: v.employerName,
        employerCreditCode: v.employerCreditCode?.trim() ?? '',
        employerCity: v.employerCity,
        disputeKind: v.disputeKind,
        facts: v.facts,
        claims: v.claims ?? '',
        amountClaimedFen: yuanToFen(v.amount ?? '0') ?? 0,
        source: v.source,
        internalNotes: v.internalNotes ?? '',
        linkedCaseId: null,
        consent: { ...consentPayload({ partnerSlug: v.partnerSlug, purpose: v.purpose, scope: v.scope, method: v.method, evidence: v.evidence, form: v.form }), givenAt: new Date().toISOString() },
        note: '',
      });
      return { referralId: r.referralId, duplicate: r.duplicates.length > 0 };
    },
    onSuccess: async ({ referralId, duplicate }) => {
      void message.success(t('rights.form.created'));
      if (duplicate) void message.warning(t('rights.form.duplicate'));
      await refresh();
      onClose();
      onDone(referralId);
    },
  });
  const problem = formProblem(create.error, t('common.networkError'));
  const required = [{ required: true, whitespace: true }];

  return (
    <Modal open title={t('rights.newCase')} okText={t('rights.form.submit')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden width={640}>
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={create.isPending}
        onFinish={(v) => create.mutate(v)}
        initialValues={{ disputeKind: 'wage_arrears', source: 'hotline', ...consentDefaults(t('rights.subtitle')) }}
      >
        <Divider titlePlacement="start">{t('rights.form.worker')}</Divider>
        <Form.Item name="workerName" label={t('rights.form.workerName')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="workerMobile" label={t('rights.form.mobile')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('rights.form.idNumber')} rules={[rules.idNumber]} validateTrigger="onBlur">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="employerName" label={t('rights.form.employerName')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="employerCreditCode" label={t('rights.form.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="employerCity" label={t('rights.form.employerCity')} rules={required}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="disputeKind" label={t('rights.form.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={DISPUTE_KINDS.map((k) => ({ value: k, label: t(`rights.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="facts" label={t('rights.form.facts')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="claims" label={t('rights.form.claims')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="amount" label={t('rights.form.amount')}>
          <Input inputMode="decimal" maxLength={12} />
        </Form.Item>
        <Form.Item name="source" label={t('rights.form.source')}>
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: t(`rights.source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="internalNotes" label={t('rights.form.internalNotes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('rights.form.filesAfter')}</Typography.Paragraph>
        <Divider titlePlacement="start">{t('rights.form.consent')}</Divider>
        <ConsentFields />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
