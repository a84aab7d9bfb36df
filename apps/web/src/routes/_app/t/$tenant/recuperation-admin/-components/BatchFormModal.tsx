import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { BatchDto } from '@uc/contracts';
import { BATCH_STATUSES } from '@uc/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { toBatchFields, toBatchFormValues, type BatchFormValues } from '@/features/recuperation/adminForms.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

/** A new dated batch of a route, or changes to one (closing or cancelling it included). */
export function BatchFormModal({ batch, onClose }: { batch: BatchDto | null; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<BatchFormValues>({ onClose, refresh: () => queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() }) });
  const { data: routes } = useSuspenseQuery(api.recuperation.route.list.queryOptions());
  const create = useMutation(api.recuperation.batch.create.mutationOptions(callbacks));
  const update = useMutation(api.recuperation.batch.update.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create, update);
  const required = { required: true, message: t('recuperation.form.required') };

  const submit = (v: BatchFormValues) =>
    batch ? update.mutate({ ...toBatchFields(v), id: batch.id, rowVersion: batch.rowVersion, status: v.status ?? batch.status }) : create.mutate({ ...toBatchFields(v), idempotencyKey });

  return (
    <Modal {...modalProps} title={batch ? t('recuperation.batch.editTitle', { code: batch.code }) : t('recuperation.batch.create')}>
      <Form form={form} layout="vertical" initialValues={toBatchFormValues(batch, dayjs())} onFinish={submit} disabled={saving}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="routeId" label={t('recuperation.batch.route')} rules={[required]}>
              <Select options={routes.filter((r) => r.active || r.id === batch?.route.id).map((r) => ({ value: r.id, label: r.title }))} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="code" label={t('recuperation.batch.code')} rules={[{ ...required, whitespace: true }, { max: 40 }]} extra={t('recuperation.batch.codeHint')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startDate" label={t('recuperation.batch.startDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="nights" label={t('recuperation.batch.nights')} rules={[required]}>
              <InputNumber min={0} max={29} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="capacity" label={t('recuperation.batch.capacity')} rules={[required]}>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="bookingOpens" label={t('recuperation.batch.opens')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="bookingCloses" label={t('recuperation.batch.closes')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="cancelDeadline" label={t('recuperation.batch.cancelDeadline')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {batch && (
            <Col xs={24} md={8}>
              <Form.Item name="status" label={t('recuperation.col.status')}>
                <Select options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`recuperation.batchStatus.${s}`) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
