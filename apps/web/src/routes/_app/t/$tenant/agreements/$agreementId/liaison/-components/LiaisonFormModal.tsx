import { useMutation } from '@tanstack/react-query';
import { isValidEmail, isValidPhone, LIAISON_LEVELS, type LiaisonLevel, type LiaisonPairDto } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n/errors';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { ownContact, ownSideFields } from './liaison.ts';
import { useRequestKey } from '@/features/forms/useRequestKey.ts';

export type LiaisonFormTarget = { mode: 'create' } | { mode: 'edit'; pair: LiaisonPairDto };

interface Values {
  level: LiaisonLevel;
  unitName: string;
  contactName: string;
  title: string;
  phone: string;
  email: string;
}

/** Adds a pair with our side filled in, or changes a pair's level and our side; the other side is never sent changed. */
export function LiaisonFormModal({ agreementId, partyName, target, onClose }: { agreementId: string; partyName: string; target: LiaisonFormTarget; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const idempotencyKey = useRequestKey();
  const done = () => {
    void message.success(target.mode === 'create' ? t('liaison.created') : t('common.saved'));
    onClose();
    return refresh();
  };
  const onError = (err: unknown) => showFieldErrors(form, ownSideFields(errorInfo(err, '').fields));
  const create = useMutation(api.liaison.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(api.liaison.update.mutationOptions({ onSuccess: done, onError }));
  const saving = create.isPending || update.isPending;
  const problem = formProblem(create.error ?? update.error, t('common.networkError'));

  const own = target.mode === 'edit' ? ownContact(target.pair, slug) : undefined;
  const initial: Values = {
    level: target.mode === 'edit' ? target.pair.level : 'department',
    unitName: own?.unitName ?? '',
    contactName: own?.contactName ?? '',
    title: own?.title ?? '',
    phone: own?.phone ?? '',
    email: own?.email ?? '',
  };
  const submit = ({ level, ...side }: Values) => {
    const sides = [{ partySlug: slug, ...side }];
    if (target.mode === 'create') create.mutate({ agreementId, level, sides, idempotencyKey });
    else update.mutate({ id: target.pair.id, rowVersion: target.pair.rowVersion, level, sides });
  };
  // the same checks as the API's, so a typo is caught before saving: our unit, a contact person, and a phone or an email
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const reachable = {
    validator: () => (form.getFieldValue('phone')?.trim() || form.getFieldValue('email')?.trim() ? Promise.resolve() : Promise.reject(new Error(validationMessage('contact_required', locale)))),
  };
  const checked = (valid: (v: string) => boolean, key: 'phone_invalid' | 'email_invalid') => ({
    validator: (_: unknown, v: string | undefined) => (!v?.trim() || valid(v.trim()) ? Promise.resolve() : Promise.reject(new Error(validationMessage(key, locale)))),
  });

  return (
    <Modal
      open
      title={target.mode === 'create' ? t('liaison.create') : t('liaison.editTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('liaison.ownSideHint', { party: partyName })} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={saving}>
        <Form.Item name="level" label={t('liaison.level')} rules={[{ required: true }]}>
          <Select options={LIAISON_LEVELS.map((l) => ({ value: l, label: t(`liaison.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="unitName" label={t('liaison.unitName')} rules={[required(t('liaison.unitName')), { max: 100 }]}>
          <Input maxLength={100} placeholder={t('liaison.unitNamePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('liaison.contactName')} rules={[required(t('liaison.contactName')), { max: 50 }]}>
              <Input maxLength={50} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('liaison.contactTitle')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('liaison.phone')} rules={[reachable, checked(isValidPhone, 'phone_invalid')]} dependencies={['email']} validateTrigger="onBlur">
              <Input maxLength={30} inputMode="tel" placeholder={t('liaison.phonePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('liaison.email')} rules={[checked(isValidEmail, 'email_invalid')]} validateTrigger="onBlur">
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
