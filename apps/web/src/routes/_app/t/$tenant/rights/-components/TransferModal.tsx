import { useMutation } from '@tanstack/react-query';
import type { ReferralDto } from '@uc/contracts';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formProblem } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { ConsentFields, consentDefaults, consentPayload, type ConsentValues } from './ConsentFields.tsx';

interface Values extends ConsentValues {
  reason: string;
}

/**
 * The referring federation moves a referral to another partner (after a return, or approving the
 * performer's request: then the partner it asked for is preselected): the worker's consent for the new partner is recorded in the same call,
 * so a refused transfer leaves none. The clocks go on; the old performer loses the file at once.
 */
export function TransferModal({ referral, partnerSlug, onClose, onDone }: { referral: ReferralDto; partnerSlug?: string | undefined; onClose(): void; onDone(): Promise<unknown> }) {
  const t = useT();
  const { api } = useTenant();
  const [form] = Form.useForm<Values>();
  const transfer = useMutation(api.referral.transfer.mutationOptions({ onSuccess: onDone }));
  const problem = formProblem(transfer.error, t('common.networkError'));
  const submit = ({ reason, ...consent }: Values) =>
    transfer.mutate({ id: referral.id, rowVersion: referral.rowVersion, reason, consent: { ...consentPayload(consent), givenAt: new Date().toISOString() } });

  return (
    <Modal open title={t('rights.transfer.title')} okText={t('rights.transfer.submit')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={transfer.isPending} destroyOnHidden width={560}>
      <Typography.Paragraph type="secondary">{t('rights.transfer.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" disabled={transfer.isPending} onFinish={submit} initialValues={{ ...consentDefaults(t('rights.subtitle')), partnerSlug }}>
        <ConsentFields exclude={[referral.performer.slug]} />
        <Form.Item name="reason" label={t('rights.transfer.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
