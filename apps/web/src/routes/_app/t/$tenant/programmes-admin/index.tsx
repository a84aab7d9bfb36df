import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect, useNavigate } from '@tanstack/react-router';
import { PROGRAMME_KINDS, type EventDto } from '@uc/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { RequestsPanel } from './-components/RequestsPanel.tsx';

export const Route = createFileRoute('/_app/t/$tenant/programmes-admin/')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).programme.list.queryOptions()),
  component: ProgrammesAdminPage,
});

/** Staff: the federation's joint programmes (its own and the partner's), and a new one. */
function ProgrammesAdminPage() {
  const t = useT();
  const { api, slug, roles } = useTenant();
  const { data: events } = useSuspenseQuery(api.programme.list.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('programme.admin.nav')}
        extra={
          <>
            <Link to="/t/$tenant/programmes-admin/calendar" params={{ tenant: slug }}>
              <Button icon={<CalendarOutlined />}>{t('programme.calendar.open')}</Button>
            </Link>
            <Link to="/t/$tenant/programmes-admin/venues" params={{ tenant: slug }}>
              <Button icon={<EnvironmentOutlined />}>{t('programme.venues.open')}</Button>
            </Link>
            {recuperationAccess.write(roles) && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="programme-create">
                {t('programme.event.create')}
              </Button>
            )}
          </>
        }
      />
      <RequestsPanel />
      <Table<EventDto>
        rowKey="id"
        dataSource={events}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('programme.event.empty') }}
        columns={[
          {
            title: t('programme.event.title'),
            render: (_, e) => (
              <Link to="/t/$tenant/programmes-admin/$eventId" params={{ tenant: slug, eventId: e.id }}>
                {e.title}
              </Link>
            ),
          },
          { title: t('programme.event.kind'), render: (_, e) => t(`programme.kind.${e.kind}`) },
          { title: t('programme.event.topic'), dataIndex: 'topic' },
          { title: t('programme.event.host', { host: '', partner: '' }).split('　')[0], render: (_, e) => e.host },
          { title: t('programme.session.startsAt'), render: (_, e) => (e.firstStartsAt ? formatDateTime(e.firstStartsAt) : '—') },
          {
            title: t('programme.col.status'),
            render: (_, e) => (
              <>
                <Tag>{t(`programme.event.status.${e.status}`)}</Tag>
                {e.homeApproval && <Tag color="gold">{t('programme.event.homeApproval.on')}</Tag>}
              </>
            ),
          },
        ]}
      />
      {creating && <CreateEventModal onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateEventModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { api, slug } = useTenant();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: agreements } = useSuspenseQuery(api.agreement.list.queryOptions({}));
  const [form] = Form.useForm();
  const create = useMutation(
    api.programme.event.create.mutationOptions({
      onSuccess: (e) => navigate({ to: '/t/$tenant/programmes-admin/$eventId', params: { tenant: slug, eventId: e.id } }),
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const submit = (v: { agreementId: string; kind: EventDto['kind']; title: string; topic: string; speakers?: string; description?: string; homeApproval?: boolean; certificateSessions?: number | null }) =>
    create.mutate({
      agreementId: v.agreementId,
      kind: v.kind,
      title: v.title,
      topic: v.topic,
      description: v.description ?? '',
      releaseHours: 48,
      homeApproval: v.homeApproval ?? false,
      certificateSessions: v.kind === 'training' ? (v.certificateSessions ?? null) : null,
      speakers: (v.speakers ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const [name, ...rest] = l.split(/\s+/);
          return { name: name!, title: rest.join(' ') };
        }),
    });
  return (
    <Modal open title={t('programme.event.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'programme-create-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'lecture', agreementId: agreements.find((a) => a.status === 'active')?.id }}>
        <Form.Item name="agreementId" label={t('programme.event.agreement')} rules={[{ required: true }]}>
          <Select options={agreements.filter((a) => a.status === 'active').map((a) => ({ value: a.id, label: a.title }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('programme.event.kind')} rules={[{ required: true }]}>
          <Select options={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programme.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('programme.event.title')} rules={[{ required: true }]}>
          <Input data-testid="programme-title" />
        </Form.Item>
        <Form.Item name="topic" label={t('programme.event.topic')} rules={[{ required: true }]}>
          <Input data-testid="programme-topic" />
        </Form.Item>
        <Form.Item name="speakers" label={t('programme.event.speakers')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="description" label={t('programme.event.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'training' && (
              <Form.Item name="certificateSessions" label={t('programme.certificate.sessions')} extra={t('programme.certificate.sessions.help')}>
                <InputNumber min={1} max={100} placeholder={t('programme.certificate.all')} data-testid="programme-certificate-sessions" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item name="homeApproval" label={t('programme.event.homeApproval')} extra={t('programme.event.homeApproval.help')} valuePropName="checked">
          <Switch data-testid="programme-home-approval" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
