import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { RouteDto } from '@uc/contracts';
import { Alert, Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { toRouteFields, toRouteFormValues, type RouteFormValues } from '@/features/recuperation/adminForms.ts';
import { yuanToFen } from '@/features/recuperation/money.ts';
import { useEntityFormModal } from '@/features/forms/useEntityFormModal.ts';
import { useT } from '@/lib/locale.ts';

/** A route: bases in the order visited, days including travel, the price per person per day, the plan. */
export function RouteFormModal({ route, onClose }: { route: RouteDto | null; onClose(): void }) {
  const t = useT();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const { form, callbacks, status, idempotencyKey } = useEntityFormModal<RouteFormValues>({
    onClose,
    refresh: () => queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() }),
    fieldAliases: { pricePerDayFen: 'pricePerDay' },
    width: 760,
  });
  const { data: bases } = useSuspenseQuery(api.recuperation.base.list.queryOptions());
  const create = useMutation(api.recuperation.route.create.mutationOptions(callbacks));
  const update = useMutation(api.recuperation.route.update.mutationOptions(callbacks));
  const { saving, problem, modalProps } = status(create, update);
  const required = { required: true, message: t('recuperation.form.required') };

  const submit = (v: RouteFormValues) => (route ? update.mutate({ ...toRouteFields(v), id: route.id, rowVersion: route.rowVersion }) : create.mutate({ ...toRouteFields(v), idempotencyKey }));

  return (
    <Modal {...modalProps} title={route ? t('recuperation.route.editTitle', { name: route.title }) : t('recuperation.route.create')}>
      <Form form={form} layout="vertical" initialValues={toRouteFormValues(route)} onFinish={submit} disabled={saving}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="title" label={t('recuperation.route.title')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="baseIds" label={t('recuperation.route.bases')} rules={[{ ...required, type: 'array', min: 1 }]} extra={t('recuperation.route.basesHint')}>
              <Select mode="multiple" options={bases.filter((b) => b.active || route?.bases.some((x) => x.id === b.id)).map((b) => ({ value: b.id, label: `${b.name}（${b.city}）` }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="days" label={t('recuperation.route.days')} rules={[required]}>
              <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="pricePerDay"
              label={t('recuperation.route.priceYuan')}
              rules={[
                required,
                {
                  validator: async (_, v) => {
                    if (v != null && yuanToFen(String(v)) === null) throw new Error(t('recuperation.form.amount'));
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" maxLength={12} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="active" label={t('recuperation.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('recuperation.route.description')} rules={[{ max: 4000 }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('booking.batch.itinerary')}</Typography.Text>
        <Form.List name="itinerary">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Typography.Text style={{ flex: '0 0 56px', paddingTop: 5 }}>{t('booking.batch.dayN', { n: i + 1 })}</Typography.Text>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 0 }} rules={[{ max: 1000 }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('booking.companions.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                {t('recuperation.route.addDay')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
