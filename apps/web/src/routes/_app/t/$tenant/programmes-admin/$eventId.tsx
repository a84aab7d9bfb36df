import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { EventDetailDto, ProgrammeSessionDto, ProgrammeStatus } from '@uc/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Statistic, Switch, Tag, Tooltip, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { StaffList } from '@/components/StaffList.tsx';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi, tenantClient } from '@/lib/trpc.ts';
import { CertificatesCard } from './-components/CertificatesCard.tsx';
import { FeedbackCard } from './-components/FeedbackCard.tsx';
import { MaterialsCard } from './-components/MaterialsCard.tsx';
import { NominationImportModal } from './-components/NominationImportModal.tsx';
import { RequestsPanel } from './-components/RequestsPanel.tsx';

export const Route = createFileRoute('/_app/t/$tenant/programmes-admin/$eventId')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).programme.get.queryOptions({ id: params.eventId })),
  component: EventPage,
});

const NEXT: Record<ProgrammeStatus, ProgrammeStatus[]> = { draft: ['published'], published: ['open'], open: ['closed'], closed: ['open', 'held'], held: ['archived'], archived: [] };

/** Staff: one programme — its steps, sessions with seats per city, registrations, attendance. */
function EventPage() {
  const t = useT();
  const { eventId } = Route.useParams();
  const { api, slug, roles } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: e } = useSuspenseQuery(api.programme.get.queryOptions({ id: eventId }));
  const { data: attendance } = useQuery(api.programme.event.attendance.queryOptions({ id: eventId }));
  const onError = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const step = useMutation(api.programme.event.step.mutationOptions({ onSuccess: () => refresh(), onError }));
  const save = useMutation(
    api.programme.event.update.mutationOptions({
      onSuccess: () => {
        void message.success(t('programme.event.homeApproval.saved'));
        return refresh();
      },
      onError,
    }),
  );
  // the host sets whether members' own registrations need their federation's approval (decision 0051)
  const setApproval = (homeApproval: boolean) =>
    save.mutate({ id: e.id, rowVersion: e.rowVersion, kind: e.kind, title: e.title, topic: e.topic, speakers: e.speakers, description: e.description, seatsPerCity: e.seatsPerCity, releaseHours: e.releaseHours, homeApproval });
  const canWrite = e.own && recuperationAccess.write(roles);
  // the host's and the co-host's staff nominate their own members while registration is open
  const canNominate = e.status === 'open' && recuperationAccess.write(roles);
  const download = async () => {
    const f = await tenantClient(slug).programme.event.attendanceXlsx.query({ id: eventId });
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes], { type: f.contentType }));
    a.download = f.filename;
    a.click();
  };
  return (
    <>
      <PageHeader
        title={e.title}
        subtitle={`${t(`programme.kind.${e.kind}`)} · ${e.topic} · ${t('programme.event.host', { host: e.host, partner: e.partner })}`}
        extra={
          <Space wrap>
            <Tag color="blue" data-testid="programme-status">
              {t(`programme.event.status.${e.status}`)}
            </Tag>
            {canWrite && e.status !== 'held' && e.status !== 'archived' ? (
              <Tooltip title={t('programme.event.homeApproval.help')}>
                <Space size={4}>
                  <Switch size="small" checked={e.homeApproval} loading={save.isPending} onChange={setApproval} data-testid="programme-home-approval" aria-label={t('programme.event.homeApproval')} />
                  <Typography.Text>{t('programme.event.homeApproval.on')}</Typography.Text>
                </Space>
              </Tooltip>
            ) : (
              e.homeApproval && <Tag color="gold">{t('programme.event.homeApproval.on')}</Tag>
            )}
            {canWrite &&
              NEXT[e.status].map((to) => (
                <Button key={to} type={to === 'published' || to === 'open' ? 'primary' : 'default'} loading={step.isPending} onClick={() => step.mutate({ id: e.id, to, rowVersion: e.rowVersion })} data-testid={`programme-step-${to}`}>
                  {t(`programme.event.step.${to}`)}
                </Button>
              ))}
          </Space>
        }
      />
      {attendance && (
        <Card size="small" title={t('programme.attendance.title')} style={{ marginBottom: 16 }} extra={<Button onClick={() => void download()}>{t('programme.attendance.xlsx')}</Button>}>
          <Flex gap={32} wrap>
            <Statistic title={t('programme.attendance.sessions')} value={attendance.sessionsHeld} />
            <Statistic title={t('programme.attendance.attendances')} value={attendance.attendances} />
            <Statistic title={t('programme.attendance.people')} value={attendance.people} />
            {attendance.perCity.map((c) => (
              <Statistic key={c.tenantId} title={c.federation} value={c.attendances} />
            ))}
          </Flex>
        </Card>
      )}
      <RequestsPanel eventId={eventId} />
      <MaterialsCard eventId={eventId} canUpload={recuperationAccess.write(roles)} />
      <FeedbackCard eventId={eventId} />
      {e.kind === 'training' && <CertificatesCard key={e.rowVersion} event={e} canWrite={canWrite} />}
      <Flex vertical gap={12}>
        {e.sessionList.map((s) => (
          <SessionCard key={s.id} session={s} canWrite={canWrite} canNominate={canNominate} own={e.own} />
        ))}
      </Flex>
      {canWrite && <AddSession eventId={e.id} seatsPerCity={e.seatsPerCity} seatsByCity={e.seatsByCity} />}
      <div style={{ marginTop: 16 }}>
        <Link to="/t/$tenant/programmes-admin" params={{ tenant: slug }}>
          ← {t('programme.admin.nav')}
        </Link>
      </div>
    </>
  );
}

function SessionCard({ session: s, canWrite, canNominate, own }: { session: ProgrammeSessionDto; canWrite: boolean; canNominate: boolean; own: boolean }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: regs } = useQuery(api.programme.session.registrations.queryOptions({ sessionId: s.id }));
  const ended = Date.parse(s.endsAt) < Date.now();
  const [nominating, setNominating] = useState(false);
  const cancel = useMutation(api.programme.session.cancel.mutationOptions({ onSuccess: () => refresh(), onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message) }));
  return (
    <Card
      size="small"
      data-testid="programme-session"
      title={`${s.title || formatDateTime(s.startsAt)} · ${formatDateTime(s.startsAt)}`}
      extra={
        <Space wrap>
          {s.status === 'cancelled' && <Tag color="red">{t('programme.session.cancelled')}</Tag>}
          {s.rescheduled && <Tag color="orange">{t('programme.session.rescheduled')}</Tag>}
          {own && s.status === 'scheduled' && !ended && (
            <Link to="/t/$tenant/programmes-admin/checkin/$sessionId" params={{ tenant: slug, sessionId: s.id }}>
              <Button type="primary" size="small" data-testid="programme-checkin-link">
                {t('programme.session.checkin')}
              </Button>
            </Link>
          )}
          {canNominate && s.status === 'scheduled' && Date.parse(s.startsAt) > Date.now() && (
            <Button size="small" onClick={() => setNominating(true)} data-testid="programme-nominate-xlsx">
              {t('programme.nominate.button')}
            </Button>
          )}
          {canWrite && s.status === 'scheduled' && !ended && (
            <Popconfirm title={t('programme.session.cancel')} onConfirm={() => cancel.mutate({ id: s.id, reason: '' })}>
              <Button size="small" danger>
                {t('programme.session.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {s.venue ? `${s.venue.name}（${s.venue.federation}）` : s.onlineUrl} · {t('programme.session.seats', { free: s.free, capacity: s.capacity })} · {t('programme.session.attended', { n: s.attended })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {s.released ? <Tag>{t('programme.session.released')}</Tag> : s.shares.map((x) => <Tag key={x.tenantId} color="geekblue" data-testid="programme-share">{t('programme.session.share', { federation: x.federation, taken: x.taken, units: x.units })}</Tag>)}
      </Space>
      <StaffList
        size="small"
        rows={regs ?? []}
        rowKey={(r) => r.id}
        testId="programme-registration"
        columns={[
          { key: 'member', title: t('programme.col.member'), primary: true, render: (r) => <Typography.Text strong>{r.memberName}</Typography.Text> },
          { key: 'home', title: t('programme.col.home'), render: (r) => r.home },
          { key: 'mobile', title: t('programme.col.mobile'), render: (r) => r.memberMobile },
          { key: 'status', title: t('programme.col.status'), render: (r) => t(`programme.status.${r.status}`) },
          { key: 'checkedIn', title: t('programme.col.checkedIn'), render: (r) => (r.checkedInAt ? formatDateTime(r.checkedInAt) : '—') },
        ]}
      />
      {nominating && <NominationImportModal sessionId={s.id} onClose={() => setNominating(false)} />}
    </Card>
  );
}

function AddSession({ eventId, seatsPerCity, seatsByCity }: { eventId: string; seatsPerCity: number; seatsByCity: EventDetailDto['seatsByCity'] }) {
  // the cities' seats differ: the field starts empty (each city its own), and the hint names them
  const differ = new Set(seatsByCity.map((c) => c.seats)).size > 1;
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: venues } = useQuery(api.programme.venue.list.queryOptions());
  const [form] = Form.useForm();
  const add = useMutation(
    api.programme.session.create.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const submit = (v: { title?: string; range: [dayjs.Dayjs, dayjs.Dayjs]; venueId?: string; onlineUrl?: string; capacity: number; seatsPerCity?: number | null; creditHours: number }) =>
    add.mutate({
      eventId,
      title: v.title ?? '',
      startsAt: v.range[0].toISOString(),
      endsAt: v.range[1].toISOString(),
      venueId: v.venueId ?? null,
      onlineUrl: v.onlineUrl || null,
      capacity: v.capacity,
      ...(typeof v.seatsPerCity === 'number' ? { seatsPerCity: v.seatsPerCity } : {}),
      creditHours: v.creditHours,
    });
  return (
    <Card size="small" title={t('programme.session.add')} style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ capacity: (differ ? seatsByCity.reduce((n, c) => n + c.seats, 0) : seatsPerCity * 2) || 40, seatsPerCity: differ ? undefined : seatsPerCity, creditHours: 2 }}>
        <Form.Item name="title" label={t('programme.session.title')}>
          <Input data-testid="session-title" />
        </Form.Item>
        <Form.Item name="range" label={`${t('programme.session.startsAt')} – ${t('programme.session.endsAt')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="session-range" />
        </Form.Item>
        <Form.Item name="venueId" label={t('programme.session.venue')}>
          <Select allowClear options={(venues ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.federation}）` }))} data-testid="session-venue" />
        </Form.Item>
        <Form.Item name="onlineUrl" label={t('programme.session.online')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="capacity" label={t('programme.session.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} data-testid="session-capacity" />
          </Form.Item>
          <Form.Item
            name="seatsPerCity"
            label={t('programme.session.seatsPerCity')}
            extra={differ ? t('programme.session.seatsHintByCity', { cities: seatsByCity.map((c) => t('programme.session.citySeats', { city: c.federation, n: c.seats })).join(' · ') }) : undefined}
          >
            <InputNumber min={0} data-testid="session-seats" />
          </Form.Item>
          <Form.Item name="creditHours" label={t('programme.session.credit')}>
            <InputNumber min={0} step={0.5} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="session-add">
          {t('programme.session.add')}
        </Button>
      </Form>
    </Card>
  );
}
