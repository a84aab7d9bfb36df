import { useMutation } from '@tanstack/react-query';
import { JOINT_KINDS, type AgreementDto, type JointItemDto, type JointKind, type MeetingDecisionDto, type MeetingDto } from '@uc/contracts';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Result, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { toDateString } from '@/lib/dates.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { JointItemDetails } from './JointItemDetails.tsx';
import { itemDraft } from './meetings.ts';

interface Values {
  kind: JointKind;
  title: string;
  leadSlug: string;
  startDate: Dayjs;
  endDate: Dayjs;
}

/** "转为共建项目": turns a decision into a joint item in one step, then shows the item created. */
export function DecisionToItemModal({ agreement, meeting, decision, onClose }: { agreement: AgreementDto; meeting: MeetingDto; decision: MeetingDecisionDto; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<JointItemDto | null>(null);
  const convert = useMutation(
    api.meeting.decisionToItem.mutationOptions({
      // the dialog itself then shows the item created, so no toast says it twice
      onSuccess: (item) => (setCreated(item), refresh()),
      onError: (err) => showFieldErrors(form, errorInfo(err, '').fields),
    }),
  );
  const problem = formProblem(convert.error, t('common.networkError'));
  const draft = itemDraft(decision, meeting, agreement, slug);
  const initial: Values = { ...draft, startDate: dayjs(draft.startDate), endDate: dayjs(draft.endDate) };

  const submit = (v: Values) =>
    convert.mutate({ decisionId: decision.id, kind: v.kind, title: v.title, leadSlug: v.leadSlug, startDate: toDateString(v.startDate), endDate: toDateString(v.endDate) });

  if (created) {
    return (
      <Modal open title={t('meetings.toItemTitle')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
        <Result status="success" title={t('meetings.itemCreated', { title: created.title })} subTitle={t('meetings.itemCreatedHint')} style={{ padding: '16px 0' }} />
        <JointItemDetails item={created} agreement={agreement} />
      </Modal>
    );
  }
  const afterStart = ({ getFieldValue }: { getFieldValue(n: 'startDate'): Dayjs | undefined }) => ({
    validator: (_: unknown, end: Dayjs | undefined) => {
      const start = getFieldValue('startDate');
      return !end || !start || !end.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(t('meetings.endBeforeStart')));
    },
  });

  return (
    <Modal open title={t('meetings.toItemTitle')} okText={t('meetings.toItem')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={convert.isPending} destroyOnHidden>
      <Alert type="info" showIcon title={t('meetings.toItemHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={convert.isPending}>
        <Form.Item name="title" label={t('meetings.itemTitle')} rules={[{ required: true, whitespace: true, max: 120, message: t('common.required', { field: t('meetings.itemTitle') }) }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={120} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('meetings.itemKind')} rules={[{ required: true }]}>
              <Select options={JOINT_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="leadSlug" label={t('meetings.itemLead')} rules={[{ required: true }]}>
              <Select options={agreement.parties.map((p) => ({ value: p.slug, label: localName(locale, p) }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="startDate" label={t('meetings.itemStart')} rules={[{ required: true, message: t('common.required', { field: t('meetings.itemStart') }) }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endDate" label={t('meetings.itemEnd')} dependencies={['startDate']} rules={[{ required: true, message: t('common.required', { field: t('meetings.itemEnd') }) }, afterStart]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
