import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import type { PlatformFederationDto } from '@uc/contracts';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { api } from '@/lib/trpc.ts';
import { NationalCalendar } from './-components/NationalCalendar.tsx';

export const Route = createFileRoute('/_app/platform/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(api.platform.federations.queryOptions()),
  component: PlatformPage,
});

/** The platform operator: every federation, onboarding a new one (its first admin invited by email), suspending and reactivating. */
function PlatformPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(api.platform.federations.queryOptions());
  const [creating, setCreating] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.platform.federations.queryKey() });
  const suspend = useMutation(api.platform.suspend.mutationOptions({ onSuccess: refresh }));
  const reactivate = useMutation(api.platform.reactivate.mutationOptions({ onSuccess: refresh }));
  const [form] = Form.useForm();
  const create = useMutation(
    api.platform.createFederation.mutationOptions({
      onSuccess: async () => {
        setCreating(false);
        form.resetFields();
        await refresh();
      },
    }),
  );
  const failure = create.error ? errorInfo(create.error, t('common.networkError')) : null;
  const askSuspend = (f: PlatformFederationDto) => {
    let reason = '';
    Modal.confirm({
      title: t('platform.suspendTitle', { name: f.nameZh }),
      content: <Input.TextArea rows={3} placeholder={t('platform.reason')} onChange={(e) => (reason = e.target.value)} />,
      okButtonProps: { danger: true },
      okText: t('platform.suspend'),
      onOk: () => suspend.mutateAsync({ slug: f.slug, reason }),
    });
  };
  const field = (name: string, label: string, rules: object[] = [{ required: true, message: t('common.required', { field: label }) }]) => (
    <Form.Item name={name} label={label} rules={rules}>
      <Input />
    </Form.Item>
  );
  return (
    <>
      <PageHeader
        title={t('platform.title')}
        subtitle={t('platform.subtitle')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('platform.create')}
          </Button>
        }
      />
      <Table<PlatformFederationDto>
        rowKey="id"
        dataSource={data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('platform.name'), render: (_, f) => `${f.nameZh}（${f.slug}）` },
          { title: t('platform.region'), dataIndex: 'regionCode' },
          { title: t('platform.contact'), render: (_, f) => `${f.contactName} ${f.contactEmail}` },
          { title: t('platform.staff'), render: (_, f) => `${f.staff} / ${t('platform.pending', { n: f.pendingInvitations })}` },
          { title: t('platform.status'), render: (_, f) => (f.status === 'active' ? <Tag color="green">{t('platform.active')}</Tag> : <Tag color="red">{t('platform.suspended')}</Tag>) },
          {
            title: '',
            render: (_, f) =>
              f.status === 'active' ? (
                <Button danger size="small" onClick={() => askSuspend(f)}>
                  {t('platform.suspend')}
                </Button>
              ) : (
                <Button size="small" onClick={() => reactivate.mutate({ slug: f.slug })}>
                  {t('platform.reactivate')}
                </Button>
              ),
          },
        ]}
      />
      <NationalCalendar />
      <Modal open={creating} title={t('platform.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('platform.createSubmit')}>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => create.mutate(v)}>
          <Space.Compact block>{field('slug', t('platform.slug'))}</Space.Compact>
          {field('nameZh', t('platform.nameZh'))}
          {field('nameEn', t('platform.nameEn'))}
          {field('city', t('platform.city'))}
          {field('regionCode', t('platform.region'))}
          {field('contactName', t('platform.contactName'))}
          {field('contactEmail', t('platform.contactEmail'))}
          {field('contactPhone', t('platform.contactPhone'), [])}
          {field('adminName', t('platform.adminName'))}
          {field('adminEmail', t('platform.adminEmail'))}
          {failure && <Alert type="error" showIcon title={failure.message} />}
        </Form>
      </Modal>
    </>
  );
}
