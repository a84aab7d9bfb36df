import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { AgreementDto, MeetingDto } from '@uc/contracts';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { toDateString } from '@/lib/dates.ts';
import { errorInfo, formProblem, showFieldErrors } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { AttendeesField } from './AttendeesField.tsx';
import { cleanAttendees, type AttendeeRow } from './meetings.ts';
import { useRequestKey } from '@/features/forms/useRequestKey.ts';

interface Values {
  meetingDate: Dayjs;
  title: string;
  location: string;
  hostSlug?: string;
  agenda: string;
  attendees: AttendeeRow[];
}

/**
 * Schedules a joint meeting (the host the rotation proposes for the chosen date is filled in, and
 * may be changed), or edits one's details.
 */
export function MeetingFormModal({ agreement, meeting, onClose }: { agreement: AgreementDto; meeting?: MeetingDto; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const idempotencyKey = useRequestKey();
  const date = Form.useWatch('meetingDate', form);
  const day = date ? toDateString(date) : null;
  const proposal = useQuery(api.meeting.nextHost.queryOptions({ agreementId: agreement.id, meetingDate: day ?? '' }, { enabled: !meeting && !!day }));
  const proposed = proposal.data;

  // follow the rotation for the date chosen until the user picks a host themselves
  useEffect(() => {
    if (proposed && !form.isFieldTouched('hostSlug')) form.setFieldValue('hostSlug', proposed.slug);
  }, [proposed, form]);

  const onError = (err: unknown) => showFieldErrors(form, errorInfo(err, '').fields);
  const create = useMutation(
    api.meeting.create.mutationOptions({
      onSuccess: async (m) => {
        void message.success(t('meetings.scheduled'));
        onClose();
        await refresh();
        await navigate({ to: '/t/$tenant/agreements/$agreementId/meetings/$meetingId', params: { tenant: slug, agreementId: agreement.id, meetingId: m.id } });
      },
      onError,
    }),
  );
  const update = useMutation(
    api.meeting.update.mutationOptions({
      onSuccess: () => (void message.success(t('common.saved')), onClose(), refresh()),
      onError,
    }),
  );
  const saving = create.isPending || update.isPending;
  const problem = formProblem(create.error ?? update.error, t('common.networkError'));

  const parties = agreement.parties.map((p) => ({ value: p.slug, label: localName(locale, p) }));
  const today = dayjs();
  const initial: Partial<Values> = meeting
    ? { meetingDate: dayjs(meeting.meetingDate), title: meeting.title, location: meeting.location, hostSlug: meeting.hostSlug, agenda: meeting.agenda, attendees: meeting.attendees }
    : { meetingDate: today, title: t('meetings.defaultName', { year: today.year() }), location: '', agenda: '', attendees: [] };

  const submit = (v: Values) => {
    const fields = { meetingDate: toDateString(v.meetingDate), title: v.title, location: v.location ?? '', agenda: v.agenda ?? '', attendees: cleanAttendees(v.attendees) };
    if (meeting) update.mutate({ id: meeting.id, rowVersion: meeting.rowVersion, ...fields, ...(v.hostSlug ? { hostSlug: v.hostSlug } : {}) });
    else create.mutate({ agreementId: agreement.id, idempotencyKey, ...fields, ...(v.hostSlug ? { hostSlug: v.hostSlug } : {}) });
  };

  return (
    <Modal
      open
      width={720}
      title={meeting ? t('meetings.editTitle') : t('meetings.scheduleTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={saving}>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="meetingDate" label={t('meetings.date')} rules={[{ required: true, message: t('common.required', { field: t('meetings.date') }) }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="hostSlug"
              label={t('meetings.host')}
              extra={proposed && !meeting ? t('meetings.hostProposed', { name: localName(locale, proposed) }) : undefined}
            >
              <Select options={parties} loading={proposal.isFetching} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('meetings.name')} rules={[{ required: true, whitespace: true, max: 200, message: t('common.required', { field: t('meetings.name') }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('meetings.location')} rules={[{ required: true, whitespace: true, max: 200, message: t('common.required', { field: t('meetings.location') }) }]}>
          <Input maxLength={200} placeholder={t('meetings.locationPlaceholder')} />
        </Form.Item>
        <Form.Item name="agenda" label={t('meetings.agenda')} rules={[{ required: true, whitespace: true, max: 5000, message: t('common.required', { field: t('meetings.agenda') }) }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={t('meetings.agendaPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('meetings.attendees')} style={{ marginBottom: 0 }}>
          <AttendeesField parties={parties} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
