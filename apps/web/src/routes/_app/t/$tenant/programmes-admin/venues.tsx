import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import { VENUE_KINDS, type VenueDto } from '@uc/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';

/** Venues (阵地): ours to add and edit, the partners' (under an agreement on programmes) to read. */
export const Route = createFileRoute('/_app/t/$tenant/programmes-admin/venues')({
  beforeLoad: ({ context, params }) => {
    if (!recuperationAccess.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).programme.venue.list.queryOptions()),
  component: VenuesPage,
});

function VenuesPage() {
  const t = useT();
  const { api, slug, roles } = useTenant();
  const { data: venues } = useSuspenseQuery(api.programme.venue.list.queryOptions());
  const [editing, setEditing] = useState<VenueDto | 'new' | null>(null);
  const canWrite = recuperationAccess.write(roles);
  return (
    <>
      <PageHeader
        title={t('programme.venues.title')}
        subtitle={t('programme.venues.help')}
        extra={
          <>
            <Link to="/t/$tenant/programmes-admin" params={{ tenant: slug }} style={{ alignSelf: 'center' }}>
              {t('programme.admin.nav')}
            </Link>
            {canWrite && (
              <Button type="primary" onClick={() => setEditing('new')} data-testid="venue-add">
                {t('programme.venues.add')}
              </Button>
            )}
          </>
        }
      />
      <Table<VenueDto>
        rowKey="id"
        dataSource={venues}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('programme.venues.empty') }}
        onRow={() => ({ 'data-testid': 'venue-row' }) as never}
        columns={[
          { title: t('programme.venues.name'), render: (_, v) => <Typography.Text strong>{v.name}</Typography.Text> },
          { title: t('programme.venues.kind'), render: (_, v) => t(`programme.venue.kind.${v.kind}`) },
          { title: t('programme.venues.federation'), render: (_, v) => (v.own ? <Tag color="blue">{t('programme.venues.ours')}</Tag> : v.federation) },
          { title: t('programme.venues.city'), dataIndex: 'city' },
          { title: t('programme.venues.address'), dataIndex: 'address' },
          { title: t('programme.venues.capacity'), dataIndex: 'capacity', align: 'right' },
          { title: t('programme.venues.facilities'), render: (_, v) => v.facilities.map((f) => <Tag key={f}>{f}</Tag>) },
          ...(canWrite
            ? [
                {
                  key: 'edit',
                  render: (_: unknown, v: VenueDto) =>
                    v.own && (
                      <Button size="small" onClick={() => setEditing(v)}>
                        {t('programme.venues.edit')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editing && <VenueModal venue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface VenueForm {
  name: string;
  kind: VenueDto['kind'];
  city?: string;
  address?: string;
  capacity?: number | null;
  facilities?: string;
}

function VenueModal({ venue, onClose }: { venue: VenueDto | null; onClose: () => void }) {
  const t = useT();
  const { api } = useTenant();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VenueForm>();
  const done = async () => {
    void message.success(t('programme.venues.saved'));
    await queryClient.invalidateQueries({ queryKey: api.programme.venue.list.queryKey() });
    onClose();
  };
  const fail = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const create = useMutation(api.programme.venue.create.mutationOptions({ onSuccess: done, onError: fail }));
  const update = useMutation(api.programme.venue.update.mutationOptions({ onSuccess: done, onError: fail }));
  const submit = (v: VenueForm) => {
    const values = {
      name: v.name,
      kind: v.kind,
      city: v.city ?? '',
      address: v.address ?? '',
      capacity: v.capacity ?? 0,
      facilities: (v.facilities ?? '')
        .split(/[\n，,、]/)
        .map((f) => f.trim())
        .filter(Boolean),
    };
    if (venue) update.mutate({ ...values, id: venue.id, rowVersion: venue.rowVersion });
    else create.mutate(values);
  };
  return (
    <Modal
      open
      title={venue ? t('programme.venues.edit') : t('programme.venues.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'venue-save' } as never}
    >
      <Form<VenueForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={venue ? { ...venue, facilities: venue.facilities.join('\n') } : { kind: 'home' }}
      >
        <Form.Item name="name" label={t('programme.venues.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input data-testid="venue-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('programme.venues.kind')} rules={[{ required: true }]}>
          <Select options={VENUE_KINDS.map((k) => ({ value: k, label: t(`programme.venue.kind.${k}`) }))} data-testid="venue-kind" />
        </Form.Item>
        <Form.Item name="city" label={t('programme.venues.city')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={t('programme.venues.address')} rules={[{ max: 200 }]}>
          <Input data-testid="venue-address" />
        </Form.Item>
        <Form.Item name="capacity" label={t('programme.venues.capacity')}>
          <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} data-testid="venue-capacity" />
        </Form.Item>
        <Form.Item name="facilities" label={t('programme.venues.facilities')} extra={t('programme.venues.facilitiesHelp')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
