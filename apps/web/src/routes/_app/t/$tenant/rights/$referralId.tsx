import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { ReferralStatus } from '@uc/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { Person } from '@/components/Person.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { formatYuan } from '@/features/recuperation/money.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi, tenantClient } from '@/lib/trpc.ts';
import { ClockCards, HourClockCards, ReferralStatusTag } from './-components/rightsUi.tsx';
import { ReferralThread } from './-components/ReferralThread.tsx';
import { needsForm, StepModal, stepsFor, useStep, type UiStep } from './-components/StepModal.tsx';
import { TransferModal } from './-components/TransferModal.tsx';
import { TransferRequest } from './-components/TransferRequest.tsx';
import { CaseDocuments } from './-components/CaseDocuments.tsx';
import { StoredFileList } from '@/features/files/StoredFiles.tsx';

const TRANSFERABLE: readonly string[] = ['submitted', 'accepted', 'returned', 'in_progress', 'on_hold'];

export const Route = createFileRoute('/_app/t/$tenant/rights/$referralId')({
  beforeLoad: ({ context, params }) => {
    if (!access.rights(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).referral.get.queryOptions({ id: params.referralId })),
  component: ReferralPage,
});

type FileRead = Awaited<ReturnType<ReturnType<typeof tenantClient>['referral']['file']['query']>>;

/** One referral, as either side sees it: status, clocks, the steps this side may take, the timeline, the shared file and who read it. */
function ReferralPage() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api, slug } = useTenant();
  const { referralId: id } = Route.useParams();
  const query = useSuspenseQuery(api.referral.get.queryOptions({ id }));
  const r = query.data;
  const log = useQuery(api.referral.accessLog.queryOptions({ id }));
  const [dialog, setDialog] = useState<UiStep | null>(null);
  const [file, setFile] = useState<FileRead | null>(null);
  const [reading, setReading] = useState(false);
  // the transfer dialog, open with the partner it starts with ('' for the referrer's own choice)
  const [transferTo, setTransferTo] = useState<string | null>(null);
  const name = (f: { nameZh: string; nameEn: string }) => (locale === 'en' ? f.nameEn : f.nameZh);
  const run = useStep(id, async (step) => {
    void message.success(t('rights.step.done', { step: t(`rights.step.${step}`) }));
    setDialog(null);
    await query.refetch();
  });
  const take = (step: UiStep) => (needsForm(step) ? setDialog(step) : run.mutate({ step, rowVersion: r.rowVersion, v: {} }));
  const steps = stepsFor(r.status, r.side);
  // the referrer may move an open referral to another partner (the API checks the state again)
  const canTransfer = r.side === 'referred' && TRANSFERABLE.includes(r.status);
  const runProblem = !dialog && run.error ? errorInfo(run.error, t('common.networkError')) : null;
  const openFile = async () => {
    setReading(true);
    try {
      setFile(await tenantClient(slug).referral.file.query({ id }));
      await log.refetch();
    } finally {
      setReading(false);
    }
  };
  const partner = r.side === 'referred' ? r.performer : r.referrer;
  const READ_REASONS = ['thread', 'document', 'consent_form', 'thread_file'] as const;
  const accessLabel = (a: { outcome: 'read' | 'refused'; reason: string | null }) => {
    const reason = READ_REASONS.find((x) => x === a.reason);
    return a.outcome === 'read' && reason ? t(`rights.access.${reason}`) : t(`rights.access.${a.outcome}`);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t(`rights.kind.${r.disputeKind}`)}</span>
            <ReferralStatusTag status={r.status} t={t} />
          </Flex>
        }
        subtitle={`${t(`rights.side.${r.side}`)} · ${t('rights.col.partner')}：${name(partner)}`}
        extra={
          <Link to="/t/$tenant/rights" params={{ tenant: slug }} search={{ tab: r.side }}>
            {t('rights.nav')}
          </Link>
        }
      />
      {!r.consentActive && <Alert type="warning" showIcon title={t('rights.detail.consentWithdrawn')} />}
      <Card size="small" title={t('rights.detail.actions')}>
        {steps.length || canTransfer || r.transferRequest ? (
          <Flex wrap gap={8}>
            <TransferRequest referral={r} onApprove={setTransferTo} onChanged={() => query.refetch()} />
            {steps.map((s) => (
              <Button key={s} type={s === 'accept' || s === 'resolve' || s === 'follow_up' ? 'primary' : 'default'} danger={s === 'return'} onClick={() => take(s)} loading={run.isPending && !dialog}>
                {t(`rights.step.${s}`)}
              </Button>
            ))}
            {canTransfer && !r.transferRequest && <Button onClick={() => setTransferTo('')}>{t('rights.transfer.button')}</Button>}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('rights.detail.noActions')}</Typography.Text>
        )}
        {runProblem && <Alert style={{ marginTop: 8 }} type="error" showIcon title={runProblem.code === 'STALE_VERSION' ? t('rights.conflict') : runProblem.message} />}
        {(r.assignee || r.outcome) && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
            {r.assignee && <Descriptions.Item label={t('rights.detail.assignee')}>{r.assignee}</Descriptions.Item>}
            {r.outcome && <Descriptions.Item label={t('rights.detail.outcome')}>{t(`rights.outcome.${r.outcome as 'mediated'}`)}</Descriptions.Item>}
            {r.amountRecoveredFen !== null && <Descriptions.Item label={t('rights.detail.recovered')}>{formatYuan(r.amountRecoveredFen)}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      <Card size="small" title={t('rights.detail.clocks')}>
        <ClockCards clocks={r.clocks} t={t} />
      </Card>
      {r.hourClocks.length > 0 && (
        <Card size="small" title={t('rights.detail.hourClocks')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('rights.detail.hourClocksHint')}
          </Typography.Paragraph>
          <HourClockCards clocks={r.hourClocks} t={t} />
        </Card>
      )}
      <Card size="small" title={t('rights.detail.file')} extra={<Typography.Text type="secondary">{t('rights.detail.fileInternal')}</Typography.Text>}>
        {!file && (
          <Button onClick={() => void openFile()} loading={reading}>
            {t('rights.detail.fileOpen')}
          </Button>
        )}
        {file?.access === 'refused' && <Alert type="error" showIcon title={t('rights.detail.fileRefused')} />}
        {file?.access === 'granted' && (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('rights.form.workerName')}>{file.file.workerName}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.mobile')}>{file.file.workerMobile ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.idNumber')}>{file.file.idNumberMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.employerName')}>{file.file.employerName}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.employerCity')}>{file.file.employerCity}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.amount')}>{formatYuan(file.file.amountClaimedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.facts')} span={2}>{file.file.facts}</Descriptions.Item>
            <Descriptions.Item label={t('rights.form.claims')} span={2}>{file.file.claims}</Descriptions.Item>
            {file.file.documents.length > 0 && (
              <Descriptions.Item label={t('rights.form.sharedDoc')} span={2}>
                {file.file.documents.map((d) => <Tag key={d.name}>{d.name}</Tag>)}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        {file?.access === 'granted' && (
          <div style={{ marginTop: 12 }} onClickCapture={() => setTimeout(() => void log.refetch(), 1500)}>
            <Typography.Text strong>{t('rights.docs.sharedFiles')}</Typography.Text>
            <StoredFileList slug={slug} files={file.file.files} empty={t('rights.docs.empty')} testId="shared-document" extra={(f) => <Tag>{t(`rights.docKind.${f.kind}`)}</Tag>} />
          </div>
        )}
        {file?.access === 'granted' && file.consentForm && (
          <div style={{ marginTop: 12 }} onClickCapture={() => setTimeout(() => void log.refetch(), 1500)}>
            <Typography.Text strong>{t('rights.consent.form')}</Typography.Text>
            <StoredFileList slug={slug} files={[file.consentForm]} empty="" testId="consent-form" />
          </div>
        )}
      </Card>
      {r.side === 'referred' && <CaseDocuments caseId={r.caseId} />}
      <ReferralThread id={id} closed={r.status === 'archived'} onRead={() => void log.refetch()} />
      <Card size="small" title={t('rights.detail.timeline')}>
        <Timeline
          items={[...r.events].reverse().map((e) => ({
            key: e.seq,
            color: e.type === 'return' || e.type === 'consent_withdrawn' ? 'red' : e.type === 'hold' ? 'orange' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{t(`rights.step.${e.type as UiStep}`)}</Typography.Text>
                <Typography.Text type="secondary">{` · ${name(e.actor.federation)} · ${formatDateTime(e.at)}`}</Typography.Text>
                {eventText(e.data, t) && <div>{eventText(e.data, t)}</div>}
                <ReferralStatusTag status={e.status as ReferralStatus} t={t} />
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('rights.detail.accessLog')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={log.data ?? []}
          loading={log.isLoading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 480 }}
          columns={[
            { title: t('rights.log.at'), key: 'at', render: (_, a) => formatDateTime(a.at) },
            { title: t('rights.log.reader'), key: 'who', render: (_, a) => <Person value={a.readerPerson} inline /> },
            { title: t('rights.log.outcome'), key: 'outcome', render: (_, a) => <Tag color={a.outcome === 'read' ? 'blue' : 'red'}>{accessLabel(a)}</Tag> },
          ]}
        />
      </Card>
      {transferTo !== null && (
        <TransferModal
          referral={r}
          partnerSlug={transferTo || undefined}
          onClose={() => setTransferTo(null)}
          onDone={async () => {
            void message.success(t('rights.transfer.done'));
            setTransferTo(null);
            await query.refetch();
          }}
        />
      )}
      {dialog && <StepModal step={dialog} rowVersion={r.rowVersion} run={run} onClose={() => { run.reset(); setDialog(null); }} />}
    </Space>
  );
}

/** The words of an event's data: a reason, an assignee, an action, an outcome, a note. */
function eventText(data: Record<string, unknown>, t: ReturnType<typeof useT>): string {
  const parts: string[] = [];
  if (typeof data.reason === 'string' && data.reason) parts.push(data.reason);
  if (typeof data.assignee === 'string') parts.push(data.assignee);
  if (typeof data.kind === 'string') parts.push(`${t(`rights.action.${data.kind as 'call'}`)}${typeof data.date === 'string' ? ` ${data.date}` : ''}`);
  if (typeof data.outcome === 'string') parts.push(t(`rights.outcome.${data.outcome as 'mediated'}`));
  if (typeof data.amountRecoveredFen === 'number' && data.amountRecoveredFen > 0) parts.push(formatYuan(data.amountRecoveredFen));
  if (typeof data.satisfaction === 'number') parts.push(`${t('rights.modal.satisfaction')}：${data.satisfaction}`);
  if (typeof data.note === 'string' && data.note) parts.push(data.note);
  return parts.join(' · ');
}
