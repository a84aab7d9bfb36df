import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BaseDto } from '@uc/contracts';
import { CERTIFICATION_LEVELS } from '@uc/contracts';
import { Alert, App, Col, DatePicker, Form, Grid, Input, Modal, Row, Select, Switch } from 'antd';
import { useTenant } from '../../../../../../components/session.ts';
import { toBaseFields, toBaseFormValues, type BaseFormValues } from '../../../../../../features/recuperation/adminForms.ts';
import { errorInfo, formProblem, showFieldErrors } from '../../../../../../lib/errors.ts';
import { useT } from '../../../../../../lib/locale.ts';

/** A base: where, what it offers, its certification period; photos as links to where they are published. */
export function BaseFormModal({ base, onClose }: { base: BaseDto | null; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { md } = Grid.useBreakpoint();
  const [form] = Form.useForm<BaseFormValues>();
  const onSuccess = async () => {
    void message.success(t('common.saved'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
  };
  const onError = (err: unknown) => {
    const { certifiedUntil, certifiedFrom, ...fields } = errorInfo(err, '').fields;
    const period = certifiedUntil ?? certifiedFrom;
    showFieldErrors(form, period ? { ...fields, certified: period } : fields);
  };
  const create = useMutation(api.recuperation.base.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(api.recuperation.base.update.mutationOptions({ onSuccess, onError }));
  const saving = create.isPending || update.isPending;
  const problem = formProblem(create.error ?? update.error, t('common.networkError'));
  const required = { required: true, whitespace: true, message: t('recuperation.form.required') };

  const submit = (v: BaseFormValues) => (base ? update.mutate({ ...toBaseFields(v), id: base.id, rowVersion: base.rowVersion }) : create.mutate(toBaseFields(v)));

  return (
    <Modal
      open
      title={base ? t('recuperation.base.editTitle', { name: base.name }) : t('recuperation.base.create')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      width={md === false ? '100%' : 720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={toBaseFormValues(base)} onFinish={submit} disabled={saving}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('recuperation.base.name')} rules={[required, { max: 80 }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="city" label={t('recuperation.base.city')} rules={[required, { max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('booking.batch.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="certificationLevel" label={t('recuperation.base.level')} rules={[{ required: true }]}>
              <Select options={CERTIFICATION_LEVELS.map((l) => ({ value: l, label: t(`recuperation.level.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="certified" label={t('recuperation.base.period')} rules={[{ required: true, message: t('recuperation.form.required') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="facilities" label={t('recuperation.base.facilities')} extra={t('recuperation.form.tagsHint')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('recuperation.base.description')} rules={[{ max: 4000 }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="photos" label={t('recuperation.base.photos')} extra={t('recuperation.base.photosHint')}>
              <Select mode="tags" tokenSeparators={[' ', '\n']} open={false} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="active" label={t('recuperation.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
