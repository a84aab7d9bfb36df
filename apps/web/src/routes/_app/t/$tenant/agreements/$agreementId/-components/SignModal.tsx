import { useMutation } from '@tanstack/react-query';
import type { AgreementDto } from '@uc/contracts';
import { Alert, App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { HashText } from '@/routes/_app/t/$tenant/agreements/-components/HashText.tsx';
import { newIdempotencyKey } from '@/routes/_app/t/$tenant/agreements/-components/useAgreement.ts';

interface Values {
  checked: boolean;
  password: string;
}

/**
 * Signs the frozen version: the signer sees its hash, confirms it, and types their password again.
 * The idempotency key is made once per opening of the dialog, so a double click or a retry after a
 * lost answer records one signature.
 */
export function SignModal({ agreement: a, onClose }: { agreement: AgreementDto; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  // a second click before the first answer sends nothing (and were it sent, the key makes it a repeat)
  const sending = useRef(false);
  const v = a.currentVersion;
  const sign = useMutation(
    api.agreement.sign.mutationOptions({
      onSuccess: async (r) => {
        void message.success(r.activated ? t('agreements.sign.activated') : t('agreements.sign.done'));
        onClose();
        await refresh();
      },
      onError: (err) => {
        sending.current = false;
        const info = errorInfo(err, t('common.networkError'));
        if (info.code === 'INVALID_CREDENTIALS') form.setFields([{ name: 'password', errors: [t('agreements.sign.wrongPassword')] }]);
        // the version moved on: show the newer state behind the dialog
        if (info.code === 'STALE_VERSION' || info.code === 'HASH_MISMATCH') void refresh();
      },
    }),
  );
  const info = sign.error ? errorInfo(sign.error, t('common.networkError')) : null;

  return (
    <Modal
      open
      title={t('agreements.sign.title', { number: v.number })}
      okText={t('agreements.sign.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={sign.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('agreements.sign.intro', { title: v.content.title, number: v.number })}</Typography.Paragraph>
      <div style={{ background: '#fafafa', padding: '8px 10px', borderRadius: 6, marginBottom: 16 }}>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('agreements.field.hash')}
        </Typography.Text>
        <HashText hash={v.contentHash ?? ''} testId="sign-hash" />
      </div>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (sending.current) return;
          sending.current = true;
          sign.mutate({ id: a.id, versionId: v.id, contentHash: v.contentHash ?? '', password: values.password, idempotencyKey });
        }}
        disabled={sign.isPending}
      >
        <Form.Item
          name="checked"
          valuePropName="checked"
          rules={[{ validator: (_, on: boolean) => (on ? Promise.resolve() : Promise.reject(new Error(t('agreements.sign.checkRequired')))) }]}
        >
          <Checkbox>{t('agreements.sign.check')}</Checkbox>
        </Form.Item>
        <Form.Item name="password" label={t('agreements.sign.password')} rules={[{ required: true, message: t('common.required', { field: t('agreements.sign.password') }) }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      </Form>
      {info && info.code !== 'INVALID_CREDENTIALS' && <Alert type="error" showIcon title={info.message} />}
    </Modal>
  );
}
