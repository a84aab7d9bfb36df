import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import type { ServiceLevelsDto } from '@uc/contracts';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { formatDate, toDateString } from '@/lib/dates.ts';
import { errorInfo, showFieldErrors } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { formatMinutes } from './rightsUi.tsx';

const DAY_FIELDS = ['acceptDays', 'respondDays', 'resolveDays', 'followUpDays'] as const;
const CLOCK_OF = { acceptDays: 'accept', respondDays: 'respond', resolveDays: 'resolve', followUpDays: 'follow_up' } as const;
/** the hotline's figures, in minutes of business time (docs/decisions/0055) */
const MINUTE_FIELDS = ['dispatchMinutes', 'firstResponseMinutes', 'hotlineFollowUpMinutes'] as const;
const HOUR_CLOCK_OF = { dispatchMinutes: 'dispatch', firstResponseMinutes: 'first_response', hotlineFollowUpMinutes: 'hotline_follow_up' } as const;
/** '08:30-12:00, 13:30-17:30' (commas, 、 or spaces between windows) → the windows */
const parseHours = (s: string) => s.split(/[,，、;；\s]+/).filter(Boolean);
type PolicyForm = { effectiveFrom: dayjs.Dayjs; businessHours: string } & Record<(typeof DAY_FIELDS)[number] | (typeof MINUTE_FIELDS)[number], number>;
type Policy = ServiceLevelsDto['policies'][number];

/**
 * The federation's service levels: the budgets of its clocks from a date, and the days its rights
 * department is closed. Caseworkers read them; the admin schedules a policy (from tomorrow on: a
 * running clock keeps its budget) and adds a closure day (today on: every clock it owns stops).
 */
export function ServiceLevels() {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const { data, refetch } = useSuspenseQuery(api.rightsSla.get.queryOptions());
  const { message } = App.useApp();
  const [policyForm] = Form.useForm();
  const [closureForm] = Form.useForm();
  const failed = (form: typeof policyForm) => (err: unknown) => {
    const info = errorInfo(err, t('common.networkError'));
    // the hours are one text box: a window's error (businessHours.1) belongs under it
    const fields = Object.fromEntries(Object.entries(info.fields).map(([k, m]) => [k.startsWith('businessHours') ? 'businessHours' : k, m]));
    if (Object.keys(fields).length) showFieldErrors(form, fields);
    else void message.error(info.message);
  };
  const done = async () => {
    void message.success(t('common.saved'));
    await refetch();
  };
  const setPolicy = useMutation(api.rightsSla.setPolicy.mutationOptions({ onSuccess: async () => (policyForm.resetFields(), done()), onError: failed(policyForm) }));
  const removePolicy = useMutation(api.rightsSla.removePolicy.mutationOptions({ onSuccess: done, onError: failed(policyForm) }));
  const addClosure = useMutation(api.rightsSla.addClosure.mutationOptions({ onSuccess: async () => (closureForm.resetFields(), done()), onError: failed(closureForm) }));
  const removeClosure = useMutation(api.rightsSla.removeClosure.mutationOptions({ onSuccess: done, onError: failed(closureForm) }));
  const tomorrow = dayjs(data.today).add(1, 'day');

  return (
    <Flex vertical gap={16} data-testid="service-levels">
      {data.unknownYears.length > 0 && <Alert type="warning" showIcon title={t('rights.levels.unknownYears', { years: data.unknownYears.join('、') })} />}
      <Card size="small" title={t('rights.levels.policies')}>
        <Typography.Paragraph type="secondary">
          {t('rights.levels.policiesHint', { accept: data.defaults.acceptDays, respond: data.defaults.respondDays, resolve: data.defaults.resolveDays, followUp: data.defaults.followUpDays })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('rights.levels.hotlineHint', {
            hours: data.defaults.businessHours.join('、'),
            dispatch: formatMinutes(data.defaults.dispatchMinutes, t),
            firstResponse: formatMinutes(data.defaults.firstResponseMinutes, t),
            followUp: formatMinutes(data.defaults.hotlineFollowUpMinutes, t),
          })}
        </Typography.Paragraph>
        <Table<Policy>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.policies}
          locale={{ emptyText: t('rights.levels.noPolicy') }}
          columns={[
            { key: 'from', title: t('rights.levels.effectiveFrom'), render: (_, p) => formatDate(p.effectiveFrom, locale) },
            ...DAY_FIELDS.map((f) => ({ key: f, title: t(`rights.clock.${CLOCK_OF[f]}`), render: (_: unknown, p: Policy) => t('rights.levels.days', { n: p[f] }) })),
            { key: 'hours', title: t('rights.levels.businessHours'), render: (_, p) => p.businessHours.join('、') },
            ...MINUTE_FIELDS.map((f) => ({ key: f, title: t(`rights.clock.${HOUR_CLOCK_OF[f]}`), render: (_: unknown, p: Policy) => formatMinutes(p[f], t) })),
            { key: 'state', title: t('rights.levels.state'), render: (_, p) => <Tag color={{ in_force: 'green', scheduled: 'blue', superseded: 'default' }[p.state]}>{t(`rights.levels.state.${p.state}`)}</Tag> },
            { key: 'remove', title: '', render: (_, p) => data.canManage && p.state === 'scheduled' && <RemoveLink title={t('rights.levels.removePolicy')} onConfirm={() => removePolicy.mutate({ id: p.id })} /> },
          ]}
        />
        {data.canManage && (
          <Form
            form={policyForm}
            layout="inline"
            style={{ marginTop: 16, rowGap: 8 }}
            initialValues={(() => {
              const start = { ...data.defaults, ...pick(data.policies.find((p) => p.state !== 'superseded')) };
              return { ...start, effectiveFrom: tomorrow, businessHours: start.businessHours.join(', ') };
            })()}
            onFinish={(v: PolicyForm) =>
              setPolicy.mutate({
                effectiveFrom: toDateString(v.effectiveFrom),
                acceptDays: v.acceptDays,
                respondDays: v.respondDays,
                resolveDays: v.resolveDays,
                followUpDays: v.followUpDays,
                businessHours: parseHours(v.businessHours),
                dispatchMinutes: v.dispatchMinutes,
                firstResponseMinutes: v.firstResponseMinutes,
                hotlineFollowUpMinutes: v.hotlineFollowUpMinutes,
              })
            }
          >
            <Form.Item name="effectiveFrom" label={t('rights.levels.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(tomorrow, 'day')} allowClear={false} />
            </Form.Item>
            {DAY_FIELDS.map((f) => (
              <Form.Item key={f} name={f} label={t(`rights.clock.${CLOCK_OF[f]}`)} rules={[{ required: true }]}>
                <InputNumber min={1} max={365} precision={0} suffix={t('rights.levels.workdays')} style={{ width: 130 }} />
              </Form.Item>
            ))}
            <Form.Item name="businessHours" label={t('rights.levels.businessHours')} tooltip={t('rights.levels.businessHoursHelp')} rules={[{ required: true, whitespace: true }]}>
              <Input style={{ width: 220 }} placeholder={t('rights.levels.businessHoursHelp')} />
            </Form.Item>
            {MINUTE_FIELDS.map((f) => (
              <Form.Item key={f} name={f} label={t(`rights.clock.${HOUR_CLOCK_OF[f]}`)} rules={[{ required: true }]}>
                <InputNumber min={1} max={14_400} precision={0} suffix={t('rights.levels.minutesUnit')} style={{ width: 130 }} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={setPolicy.isPending}>
              {t('rights.levels.schedule')}
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={t('rights.levels.closures')}>
        <Typography.Paragraph type="secondary">{t('rights.levels.closuresHint')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="day"
          pagination={false}
          dataSource={data.closures}
          locale={{ emptyText: t('rights.levels.noClosure') }}
          columns={[
            { key: 'day', title: t('rights.levels.day'), render: (_, c) => formatDate(c.day, locale) },
            { key: 'reason', title: t('rights.levels.reason'), dataIndex: 'reason' },
            { key: 'remove', title: '', render: (_, c) => data.canManage && c.removable && <RemoveLink title={t('rights.levels.removeClosure')} onConfirm={() => removeClosure.mutate({ day: c.day })} /> },
          ]}
        />
        {data.canManage && (
          <Form form={closureForm} layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(v: { day: dayjs.Dayjs; reason: string }) => addClosure.mutate({ day: toDateString(v.day), reason: v.reason })}>
            <Form.Item name="day" label={t('rights.levels.day')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(data.today), 'day')} />
            </Form.Item>
            <Form.Item name="reason" label={t('rights.levels.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Button htmlType="submit" loading={addClosure.isPending}>
              {t('rights.levels.addClosure')}
            </Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}

/** 撤销, asked once more: what is removed was scheduled ahead and nothing has counted under it yet. */
function RemoveLink({ title, onConfirm }: { title: string; onConfirm(): void }) {
  const t = useT();
  return (
    <Popconfirm title={title} onConfirm={onConfirm}>
      <Button size="small" type="link" danger>
        {t('rights.levels.remove')}
      </Button>
    </Popconfirm>
  );
}

/** The figures of a policy, to start a new one from. */
const pick = (p: Policy | undefined) =>
  p
    ? {
        acceptDays: p.acceptDays,
        respondDays: p.respondDays,
        resolveDays: p.resolveDays,
        followUpDays: p.followUpDays,
        businessHours: p.businessHours,
        dispatchMinutes: p.dispatchMinutes,
        firstResponseMinutes: p.firstResponseMinutes,
        hotlineFollowUpMinutes: p.hotlineFollowUpMinutes,
      }
    : {};
