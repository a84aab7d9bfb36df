import { useMutation, useQuery } from '@tanstack/react-query';
import type { ContestEventDto, RegistrationDto } from '@uc/contracts';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, InputNumber, Popconfirm, Select } from 'antd';
import { StaffList } from '@/components/StaffList.tsx';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { ApplicationsPanel } from './ApplicationsPanel.tsx';
import { EntryImportModal } from './EntryImportModal.tsx';

/** The entrants this federation may see (all, for the organiser), and registering our own members. */
export function RegistrationsTab({ event }: { event: ContestEventDto }) {
  const t = useT();
  const { api, roles, slug } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: rows = [] } = useQuery(api.contest.registration.list.queryOptions({ eventId: event.id }));
  const [importing, setImporting] = useState(false);
  const canRegister = event.stage === 'registration' && roles.some((r) => r === 'admin' || r === 'officer' || r === 'lead');
  const withdraw = useMutation(
    api.contest.registration.withdraw.mutationOptions({
      onSuccess: () => {
        void message.success(t('contest.reg.withdrawn'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  return (
    <>
      {canRegister && <ApplicationsPanel eventId={event.id} />}
      {canRegister && (
        <Flex gap={8} wrap align="flex-start">
          <RegisterForm eventId={event.id} />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="contest-import">
            {t('contest.import.button')}
          </Button>
        </Flex>
      )}
      {importing && <EntryImportModal eventId={event.id} onClose={() => setImporting(false)} />}
      <StaffList<RegistrationDto>
        size="small"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('contest.reg.empty')}
        testId="contest-entry"
        actionsWidth={120}
        actions={
          canRegister
            ? (r) =>
                r.federation.slug === slug && (
                  <Popconfirm title={t('contest.reg.withdrawConfirm')} onConfirm={() => withdraw.mutate({ id: r.id })}>
                    <Button size="small" danger loading={withdraw.isPending && withdraw.variables?.id === r.id}>
                      {t('contest.reg.withdraw')}
                    </Button>
                  </Popconfirm>
                )
            : undefined
        }
        columns={[
          { key: 'number', title: t('contest.reg.number'), render: (r) => r.number ?? '—' },
          { key: 'name', title: t('contest.reg.name'), primary: true, render: (r) => r.memberName },
          { key: 'federation', title: t('contest.reg.federation'), render: (r) => r.federation.name },
          { key: 'years', title: t('contest.reg.years'), render: (r) => r.yearsInTrade },
        ]}
      />
    </>
  );
}

function RegisterForm({ eventId }: { eventId: string }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  // one key per opening of the form: a double click registers once, a later entry is a new request
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { data: found } = useQuery(api.member.list.queryOptions({ q: q || undefined, pageSize: 20 } as never));
  const [form] = Form.useForm<{ memberId: string; yearsInTrade: number; consent: boolean }>();
  const register = useMutation(
    api.contest.registration.create.mutationOptions({
      onSuccess: () => {
        void message.success(t('contest.reg.done'));
        form.resetFields();
        setKey(crypto.randomUUID());
        void refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const items = (found as { items?: { id: string; name: string }[] } | undefined)?.items ?? [];
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ yearsInTrade: 3, consent: false }}
      onFinish={(v) => register.mutate({ eventId, memberId: v.memberId, yearsInTrade: v.yearsInTrade, certificates: [], consent: true, idempotencyKey: `web-${key}` })}
    >
      <Form.Item name="memberId" label={t('contest.reg.member')} rules={[{ required: true }]}>
        <Select showSearch filterOption={false} onSearch={setQ} style={{ width: 200 }} options={items.map((m) => ({ value: m.id, label: m.name }))} aria-label={t('contest.reg.member')} />
      </Form.Item>
      <Form.Item name="yearsInTrade" label={t('contest.reg.years')} rules={[{ required: true }]}>
        <InputNumber min={0} max={60} />
      </Form.Item>
      <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('contest.reg.consent')))) }]}>
        <Checkbox>{t('contest.reg.consent')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={register.isPending}>
        {t('contest.reg.submit')}
      </Button>
    </Form>
  );
}
