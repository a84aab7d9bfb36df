import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PolicyDto } from '@uc/contracts';
import { PRIORITY_GROUPS } from '@uc/contracts';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { toPolicyFields, toPolicyFormValues, type PolicyFormValues } from '@/features/recuperation/adminForms.ts';
import { yuanToFen } from '@/features/recuperation/money.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

/**
 * A policy from a date. One already in force only takes an end date (the API refuses other
 * changes): rules change by a new policy from a later date, so past decisions keep their basis.
 */
export function PolicyFormModal({ policy, onClose }: { policy: PolicyDto | null; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<PolicyFormValues>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() }),
    fieldAliases: { budgetPerDayFen: 'budgetPerDay', budgetPerYearFen: 'budgetPerYear' },
    width: 760,
  });
  const create = useMutation(api.recuperation.policy.create.mutationOptions(callbacks));
  const update = useMutation(api.recuperation.policy.update.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create, update);
  const inForce = policy?.current === true;
  const required = { required: true, message: t('recuperation.form.required') };
  const amount = {
    validator: async (_: unknown, v: unknown) => {
      if (v != null && v !== '' && yuanToFen(String(v)) === null) throw new Error(t('recuperation.form.amount'));
    },
  };
  const submit = (v: PolicyFormValues) => (policy ? update.mutate({ ...toPolicyFields(v), id: policy.id }) : create.mutate({ ...toPolicyFields(v), idempotencyKey }));
  const number = (name: keyof PolicyFormValues, label: string, min: number, max: number) => (
    <Col xs={12} md={8}>
      <Form.Item name={name} label={label} rules={[required]}>
        <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} disabled={inForce} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal {...modalProps} title={policy ? t('recuperation.policy.editTitle') : t('recuperation.policy.create')}>
      {inForce && <Alert type="info" showIcon title={t('recuperation.policy.inForceNote')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={toPolicyFormValues(policy, dayjs())} onFinish={submit} disabled={saving}>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveFrom" label={t('recuperation.policy.from')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} disabled={inForce} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="effectiveTo" label={t('recuperation.policy.to')} extra={t('recuperation.policy.toHint')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {number('maxDaysPerTrip', t('recuperation.policy.maxDaysPerTrip'), 1, 60)}
          <Col xs={12} md={8}>
            <Form.Item name="budgetPerDay" label={t('recuperation.policy.budgetPerDay')} rules={[required, amount]}>
              <Input prefix="¥" inputMode="decimal" disabled={inForce} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="budgetPerYear" label={t('recuperation.policy.budgetPerYear')} rules={[required, amount]}>
              <Input prefix="¥" inputMode="decimal" disabled={inForce} />
            </Form.Item>
          </Col>
          {number('tripsPerYear', t('recuperation.policy.tripsPerYear'), 0, 12)}
          {number('noRepeatYears', t('recuperation.policy.noRepeatYears'), 0, 10)}
          {number('maxParts', t('recuperation.policy.maxParts'), 1, 12)}
          <Col xs={24} md={8}>
            <Form.Item name="givenUpCountsAsUsed" label={t('recuperation.policy.givenUp')} valuePropName="checked">
              <Switch disabled={inForce} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="priorityGroups" label={t('recuperation.policy.priorityGroups')} extra={t('recuperation.policy.priorityHint')}>
              <Select mode="multiple" disabled={inForce} options={PRIORITY_GROUPS.map((g) => ({ value: g, label: t(`recuperation.group.${g}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('recuperation.policy.note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} disabled={inForce} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
