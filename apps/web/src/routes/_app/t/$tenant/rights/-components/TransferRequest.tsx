import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReferralDto } from '@uc/contracts';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { formProblem } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';

const ASKABLE: readonly string[] = ['accepted', 'in_progress', 'on_hold'];

/**
 * A transfer the performer asks for: the performer names a third federation and why; the referrer
 * reads the request on the referral page and approves it (the transfer, with the worker's consent
 * for that federation) or declines it with a reason. The API derives the pending request from the
 * timeline and checks every step again.
 */
export function TransferRequest({ referral: r, onApprove, onChanged }: { referral: ReferralDto; onApprove(partnerSlug: string): void; onChanged(): Promise<unknown> }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState<'ask' | 'decline' | null>(null);
  const name = (f: { nameZh: string; nameEn: string }) => (locale === 'en' ? f.nameEn : f.nameZh);
  const done = async () => {
    setOpen(null);
    await onChanged();
  };
  const request = r.transferRequest;
  const canAsk = r.side === 'received' && !request && r.consentActive && ASKABLE.includes(r.status);
  if (!request && !canAsk) return null;
  return (
    <>
      {request ? (
        <Alert
          type="info"
          showIcon
          data-testid="rights-transfer-request"
          style={{ width: '100%' }}
          title={t(r.side === 'referred' ? 'rights.transferRequest.asked' : 'rights.transferRequest.waiting', { party: name(r.performer), to: name(request.to) })}
          description={
            <Typography.Text>
              {request.reason}
              <Typography.Text type="secondary">{` · ${request.by} · ${formatDateTime(request.at)}`}</Typography.Text>
            </Typography.Text>
          }
          action={
            r.side === 'referred' && (
              <Flex gap={8} wrap>
                <Button type="primary" size="small" onClick={() => onApprove(request.to.slug)}>
                  {t('rights.transferRequest.approve')}
                </Button>
                <Button size="small" onClick={() => setOpen('decline')}>
                  {t('rights.step.decline_transfer')}
                </Button>
              </Flex>
            )
          }
        />
      ) : (
        <Button onClick={() => setOpen('ask')}>{t('rights.step.request_transfer')}</Button>
      )}
      {open === 'ask' && <AskModal referral={r} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'decline' && <DeclineModal referral={r} onClose={() => setOpen(null)} onDone={done} />}
    </>
  );
}

function AskModal({ referral: r, onClose, onDone }: { referral: ReferralDto; onClose(): void; onDone(): Promise<unknown> }) {
  const t = useT();
  const locale = useLocale();
  const { api } = useTenant();
  const [form] = Form.useForm<{ partnerSlug: string; reason: string }>();
  const { data: directory = [], isLoading } = useQuery(api.federation.directory.queryOptions());
  const ask = useMutation(api.referral.requestTransfer.mutationOptions({ onSuccess: onDone }));
  const problem = formProblem(ask.error, t('common.networkError'));
  const options = directory.filter((f) => f.slug !== r.referrer.slug && f.slug !== r.performer.slug).map((f) => ({ value: f.slug, label: locale === 'en' ? f.nameEn : f.nameZh }));
  return (
    <Modal open title={t('rights.step.request_transfer')} okText={t('rights.transferRequest.send')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={ask.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('rights.transferRequest.hint', { party: locale === 'en' ? r.referrer.nameEn : r.referrer.nameZh })}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={ask.isPending} onFinish={(v) => ask.mutate({ id: r.id, rowVersion: r.rowVersion, ...v })}>
        <Form.Item name="partnerSlug" label={t('rights.transferRequest.to')} rules={[{ required: true }]}>
          <Select aria-label={t('rights.transferRequest.to')} options={options} loading={isLoading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('rights.transfer.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}

function DeclineModal({ referral: r, onClose, onDone }: { referral: ReferralDto; onClose(): void; onDone(): Promise<unknown> }) {
  const t = useT();
  const { api } = useTenant();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useMutation(api.referral.declineTransfer.mutationOptions({ onSuccess: onDone }));
  const problem = formProblem(decline.error, t('common.networkError'));
  return (
    <Modal open title={t('rights.step.decline_transfer')} okText={t('rights.step.decline_transfer')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={decline.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" disabled={decline.isPending} onFinish={(v) => decline.mutate({ id: r.id, rowVersion: r.rowVersion, reason: v.reason })}>
        <Form.Item name="reason" label={t('rights.modal.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Modal>
  );
}
