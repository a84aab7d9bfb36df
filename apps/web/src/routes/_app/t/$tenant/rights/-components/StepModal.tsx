import { useMutation } from '@tanstack/react-query';
import { ACTION_KINDS, OUTCOMES } from '@uc/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useTenant } from '@/components/session.ts';
import { yuanToFen } from '@/features/recuperation/money.ts';
import { toDateString } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

/** The steps a caseworker takes from the detail page (transfer is approved elsewhere). */
export type UiStep = 'accept' | 'return' | 'resubmit' | 'start' | 'action' | 'hold' | 'resume' | 'resolve' | 'follow_up' | 'archive';

/** The steps each side may take in each status (mirrors referral.rules.ts; the API checks again). */
export function stepsFor(status: string, side: 'referred' | 'received'): UiStep[] {
  if (side === 'received') {
    return ({ submitted: ['accept', 'return'], accepted: ['start', 'hold', 'return'], in_progress: ['action', 'hold', 'resolve'], on_hold: ['resume'] } as Record<string, UiStep[]>)[status] ?? [];
  }
  return ({ returned: ['resubmit', 'archive'], resolved: ['follow_up'], followed_up: ['archive'] } as Record<string, UiStep[]>)[status] ?? [];
}

const NEEDS_FORM: UiStep[] = ['return', 'start', 'action', 'hold', 'resolve', 'follow_up'];
export const needsForm = (s: UiStep) => NEEDS_FORM.includes(s);

interface Values {
  reason?: string;
  assignee?: string;
  kind?: (typeof ACTION_KINDS)[number];
  date?: dayjs.Dayjs;
  note?: string;
  outcome?: (typeof OUTCOMES)[number];
  recovered?: string;
  satisfaction?: number;
}

/** Runs one step; with a form for the steps that need one. On a conflict the page reloads and says so. */
export function useStep(id: string, onDone: (step: UiStep) => Promise<unknown>) {
  const { slug } = useTenant();
  return useMutation({
    mutationFn: async ({ step, rowVersion, v }: { step: UiStep; rowVersion: number; v: Values }) => {
      const r = tenantClient(slug).referral;
      const base = { id, rowVersion };
      const note = v.note ?? '';
      switch (step) {
        case 'accept':
          return r.accept.mutate({ ...base, note });
        case 'return':
          return r.return.mutate({ ...base, reason: v.reason! });
        case 'resubmit':
          return r.resubmit.mutate({ ...base, note });
        case 'start':
          return r.start.mutate({ ...base, assignee: v.assignee! });
        case 'action':
          return r.action.mutate({ ...base, kind: v.kind!, date: toDateString(v.date ?? dayjs()), note });
        case 'hold':
          return r.hold.mutate({ ...base, reason: v.reason! });
        case 'resume':
          return r.resume.mutate({ ...base, note });
        case 'resolve':
          return r.resolve.mutate({ ...base, outcome: v.outcome!, amountRecoveredFen: yuanToFen(v.recovered ?? '0') ?? 0, note });
        case 'follow_up':
          return r.followUp.mutate({ ...base, satisfaction: v.satisfaction ?? 5, note });
        case 'archive':
          return r.archive.mutate({ ...base, note });
      }
    },
    onSuccess: (_r, { step }) => onDone(step),
  });
}

export function StepModal({ step, rowVersion, run, onClose }: { step: UiStep; rowVersion: number; run: ReturnType<typeof useStep>; onClose(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const problem = run.error ? errorInfo(run.error, t('common.networkError')) : null;
  const required = [{ required: true, whitespace: true }];
  return (
    <Modal
      open
      title={t(`rights.step.${step}`)}
      okText={t(`rights.step.${step}`)}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" disabled={run.isPending} initialValues={{ kind: 'mediation', outcome: 'mediated', satisfaction: 5, date: dayjs() }} onFinish={(v) => run.mutate({ step, rowVersion, v })}>
        {(step === 'return' || step === 'hold') && (
          <Form.Item name="reason" label={t('rights.modal.reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} autoFocus />
          </Form.Item>
        )}
        {step === 'start' && (
          <Form.Item name="assignee" label={t('rights.modal.assignee')} rules={required}>
            <Input maxLength={80} autoFocus />
          </Form.Item>
        )}
        {step === 'action' && (
          <>
            <Form.Item name="kind" label={t('rights.modal.kind')}>
              <Select options={ACTION_KINDS.map((k) => ({ value: k, label: t(`rights.action.${k}`) }))} />
            </Form.Item>
            <Form.Item name="date" label={t('rights.modal.date')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {step === 'resolve' && (
          <>
            <Form.Item name="outcome" label={t('rights.modal.outcome')}>
              <Select aria-label={t('rights.modal.outcome')} options={OUTCOMES.map((o) => ({ value: o, label: t(`rights.outcome.${o}`) }))} />
            </Form.Item>
            <Form.Item name="recovered" label={t('rights.modal.recovered')}>
              <Input inputMode="decimal" maxLength={12} />
            </Form.Item>
          </>
        )}
        {step === 'follow_up' && (
          <Form.Item name="satisfaction" label={t('rights.modal.satisfaction')}>
            <InputNumber min={1} max={5} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {step !== 'return' && step !== 'hold' && (
          <Form.Item name="note" label={t('rights.modal.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem.code === 'STALE_VERSION' ? t('rights.conflict') : problem.message} />}
    </Modal>
  );
}
