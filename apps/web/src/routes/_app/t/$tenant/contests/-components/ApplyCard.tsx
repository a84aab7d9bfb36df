import { useMutation } from '@tanstack/react-query';
import type { ApplicationDto, OpenEventDto } from '@uc/contracts';
import { App, Button, Card, Checkbox, Flex, Form, InputNumber, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDate } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import type { UiKey } from '@/lib/i18n.ts';
import { useLocale, useT, type TFunction } from '@/lib/locale.ts';

const STATUS_COLOR: Record<ApplicationDto['status'], string> = { applied: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' };

/** An API refusal in words, with the eligibility rules an application broke. */
function refusal(t: TFunction, err: unknown): string {
  const info = errorInfo(err, t('common.networkError'));
  const reasons = (info.details as { reasons?: string[] }).reasons;
  if (info.code === 'NOT_ELIGIBLE' && reasons?.length) return reasons.map((r) => t(`contest.ineligible.${r}` as UiKey)).join('；');
  return info.message;
}

/** An event open for entries: its rules, and the member's application form (with consent). */
export function ApplyCard({ event: e }: { event: OpenEventDto }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [key] = useState(() => `web-${crypto.randomUUID()}`);
  const [form] = Form.useForm<{ yearsInTrade: number; certificates: string[]; consent: boolean }>();
  const submit = useMutation(
    api.contest.application.submit.mutationOptions({
      onSuccess: () => {
        void message.success(t('contest.apply.submitted'));
        setOpen(false);
        return refresh();
      },
      onError: (err) => void message.error(refusal(t, err)),
    }),
  );
  return (
    <Card size="small" title={`${e.trade} · ${e.contestTitle}`} data-testid="contest-open-event" styles={{ header: { whiteSpace: 'normal' } }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {formatDate(e.eventDate, locale)} · {e.venue} · {e.organiser}
        <br />
        {t('contest.apply.closes', { date: formatDate(e.registrationCloses, locale) })}
        <br />
        {t('contest.apply.rules', { min: e.minAge, max: e.maxAge, years: e.minYearsInTrade })}
        {e.requiredCertificates.length > 0 && (
          <>
            <br />
            {t('contest.apply.certificatesRequired', { list: e.requiredCertificates.join('、') })}
          </>
        )}
      </Typography.Paragraph>
      {e.applicationStatus ? (
        <Tag color={STATUS_COLOR[e.applicationStatus]}>{t(`contest.application.status.${e.applicationStatus}`)}</Tag>
      ) : !open ? (
        <Button type="primary" size="large" block onClick={() => setOpen(true)} data-testid="contest-apply">
          {t('contest.apply.button')}
        </Button>
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ yearsInTrade: e.minYearsInTrade, certificates: [], consent: false }}
          onFinish={(v) => submit.mutate({ eventId: e.eventId, yearsInTrade: v.yearsInTrade, certificates: v.certificates, consent: true, idempotencyKey: key })}
        >
          <Form.Item name="yearsInTrade" label={t('contest.apply.yearsInTrade')} rules={[{ required: true }]}>
            <InputNumber min={0} max={60} style={{ width: '100%' }} size="large" />
          </Form.Item>
          <Form.Item name="certificates" label={t('contest.apply.certificates')}>
            <Select mode="tags" size="large" maxCount={10} options={e.requiredCertificates.map((c) => ({ value: c, label: c }))} aria-label={t('contest.apply.certificates')} />
          </Form.Item>
          <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('contest.apply.consentRequired')))) }]}>
            <Checkbox data-testid="contest-apply-consent">{t('contest.apply.consent')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="contest-apply-submit">
            {t('contest.apply.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** One of the member's applications: its status, number once drawn, the refusal reason, and withdrawing it. */
export function MyApplicationCard({ application: a }: { application: ApplicationDto }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const withdraw = useMutation(
    api.contest.application.withdraw.mutationOptions({
      onSuccess: () => {
        void message.success(t('contest.apply.withdrawn'));
        return refresh();
      },
      onError: (err) => void message.error(refusal(t, err)),
    }),
  );
  return (
    <Card size="small" data-testid="contest-my-application">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {a.trade} · {a.contestTitle}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {formatDate(a.eventDate, locale)} · {a.venue}
            {a.number !== null && ` · ${t('contest.apply.number', { number: a.number })}`}
          </Typography.Text>
          {a.status === 'refused' && a.decisionReason && (
            <>
              <br />
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {t('contest.apply.reason', { reason: a.decisionReason })}
              </Typography.Text>
            </>
          )}
        </div>
        <Tag color={STATUS_COLOR[a.status]} style={{ marginInlineEnd: 0 }}>
          {t(`contest.application.status.${a.status}`)}
        </Tag>
      </Flex>
      {a.canWithdraw && (
        <Popconfirm title={t('contest.apply.withdrawConfirm')} onConfirm={() => withdraw.mutate({ id: a.id })}>
          <Button size="small" danger style={{ marginTop: 8 }} loading={withdraw.isPending}>
            {t('contest.apply.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Card>
  );
}
