import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BaseDto } from '@uc/contracts';
import { CERTIFICATION_LEVELS } from '@uc/contracts';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useTenant } from '@/components/session.ts';
import { toBaseFields, toBaseFormValues, type BaseFormValues } from '@/features/recuperation/adminForms.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

/** A base: where, what it offers, its certification period; photos as links to where they are published. */
export function BaseFormModal({ base, onClose }: { base: BaseDto | null; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<BaseFormValues>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() }),
    fieldAliases: { certifiedUntil: 'certified', certifiedFrom: 'certified' },
  });
  const create = useMutation(api.recuperation.base.create.mutationOptions(callbacks));
  const update = useMutation(api.recuperation.base.update.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create, update);
  const required = { required: true, whitespace: true, message: t('recuperation.form.required') };

  const submit = (v: BaseFormValues) => (base ? update.mutate({ ...toBaseFields(v), id: base.id, rowVersion: base.rowVersion }) : create.mutate({ ...toBaseFields(v), idempotencyKey }));

  return (
    <Modal {...modalProps} title={base ? t('recuperation.base.editTitle', { name: base.name }) : t('recuperation.base.create')}>
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
