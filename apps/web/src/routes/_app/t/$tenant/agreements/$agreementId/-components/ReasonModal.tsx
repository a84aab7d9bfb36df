import { useMutation } from '@tanstack/react-query';
import type { AgreementDto } from '@uc/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formProblem } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { newIdempotencyKey } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';

/** Declining to sign the frozen version, or terminating an agreement in force: both need a reason. */
export function ReasonModal({ agreement: a, kind, onClose }: { agreement: AgreementDto; kind: 'decline' | 'terminate'; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const done = async () => {
    void message.success(t(`agreements.${kind}.done`));
    onClose();
    await refresh();
  };
  const decline = useMutation(api.agreement.decline.mutationOptions({ onSuccess: done }));
  const terminate = useMutation(api.agreement.terminate.mutationOptions({ onSuccess: done }));
  const pending = decline.isPending || terminate.isPending;
  const problem = formProblem(decline.error ?? terminate.error, t('common.networkError'));
  const submit = ({ reason }: { reason: string }) =>
    kind === 'decline'
      ? decline.mutate({ id: a.id, versionId: a.currentVersion.id, reason, idempotencyKey })
      : terminate.mutate({ id: a.id, rowVersion: a.rowVersion, reason });
  const [form] = Form.useForm<{ reason: string }>();

  return (
    <Modal
      open
      title={t(`agreements.${kind}.title`)}
      okText={t(`agreements.${kind}.submit`)}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`agreements.${kind}.intro`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} disabled={pending}>
        <Form.Item
          name="reason"
          label={t('agreements.reason')}
          rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: t('agreements.reasonRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
