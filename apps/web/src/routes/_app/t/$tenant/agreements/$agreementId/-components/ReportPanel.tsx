import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReportDto } from '@uc/contracts';
import { Alert, App, Button, Card, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** The annual report's lifecycle: generate, texts, each party's commentary, confirmations, downloads. */
export function ReportPanel({ report, partyName }: { report: ReportDto; partyName: (slug: string) => string }) {
  const t = useT();
  const { api, slug } = useTenant();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const input = { agreementId: report.agreementId, year: report.year };
  const [problems, setProblems] = useState(report.content.problems);
  const [plans, setPlans] = useState(report.content.plans);
  const mine = report.content.commentary.find((c) => c.party === report.permissions.mySlug)?.text ?? '';
  const [comment, setComment] = useState(mine);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => (setProblems(report.content.problems), setPlans(report.content.plans), setComment(mine)), [report.contentHash]); // eslint-disable-line react-hooks/exhaustive-deps

  const done = (text: string) => (r: ReportDto) => {
    queryClient.setQueryData(api.cooperation.report.get.queryKey(input), r);
    void message.success(text);
  };
  const onError = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const generate = useMutation(api.cooperation.report.generate.mutationOptions({ onSuccess: done(t('report.generated')), onError }));
  const texts = useMutation(api.cooperation.report.saveTexts.mutationOptions({ onSuccess: done(t('report.saved')), onError }));
  const commentary = useMutation(api.cooperation.report.comment.mutationOptions({ onSuccess: done(t('report.saved')), onError }));
  const confirm = useMutation(api.cooperation.report.confirm.mutationOptions({ onSuccess: (r) => (setConfirming(false), done(t('report.confirmed'))(r)), onError }));
  const editable = report.permissions.canEdit && report.status === 'draft';
  const base = `/api/t/${slug}/cooperation/${report.agreementId}/${report.year}/report`;
  const parties = report.content.overview.agreement.parties;

  return (
    <Card
      data-testid="report-panel"
      title={
        <Space wrap>
          {t('report.title', { year: report.year })}
          <Tag color={report.status === 'frozen' ? 'green' : 'gold'}>{t(`report.status.${report.status}`)}</Tag>
        </Space>
      }
    >
      {!report.id && <Alert type="info" showIcon message={t('report.notGenerated')} style={{ marginBottom: 12 }} />}
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        {editable && (
          <Button onClick={() => generate.mutate(input)} loading={generate.isPending}>
            {report.id ? t('report.regenerate') : t('report.generate')}
          </Button>
        )}
        {report.permissions.canConfirm && report.id && (
          <Button type="primary" onClick={() => setConfirming(true)}>
            {t('report.confirm')}
          </Button>
        )}
        <Button href={`${base}.pdf`}>{t('report.pdf')}</Button>
        <Button href={`${base}.xlsx`}>{t('report.xlsx')}</Button>
      </Flex>
      <Typography.Title level={5}>{t('report.problems')}</Typography.Title>
      <Input.TextArea aria-label={t('report.problems')} value={problems} onChange={(e) => setProblems(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} readOnly={!editable} maxLength={4000} />
      <Typography.Title level={5} style={{ marginTop: 12 }}>{t('report.plans')}</Typography.Title>
      <Input.TextArea aria-label={t('report.plans')} value={plans} onChange={(e) => setPlans(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} readOnly={!editable} maxLength={4000} />
      {editable && (
        <Button style={{ marginTop: 8 }} onClick={() => texts.mutate({ ...input, problems, plans })} loading={texts.isPending}>
          {t('report.saveTexts')}
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.commentary')}</Typography.Title>
      {report.content.commentary.map((c) => (
        <Typography.Paragraph key={c.party}>
          <Typography.Text strong>{partyName(c.party)}：</Typography.Text>
          {c.text}
        </Typography.Paragraph>
      ))}
      {editable && (
        <>
          <Input.TextArea aria-label={t('report.myCommentary')} placeholder={t('report.commentPlaceholder')} value={comment} onChange={(e) => setComment(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          <Button style={{ marginTop: 8 }} disabled={!comment.trim()} onClick={() => commentary.mutate({ ...input, commentary: comment })} loading={commentary.isPending}>
            {t('report.saveComment')}
          </Button>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('report.confirmations')}</Typography.Title>
      {report.status === 'frozen' && report.frozenAt && <Alert type="success" showIcon message={t('report.frozenAt', { at: formatDateTime(report.frozenAt) })} style={{ marginBottom: 8 }} />}
      {parties.map((p) => {
        const c = report.confirmations.find((x) => x.party === p.slug);
        return <div key={p.slug}>{c ? t('report.confirmedBy', { party: partyName(p.slug), user: c.userLabel, at: formatDateTime(c.at) }) : t('report.waiting', { party: partyName(p.slug) })}</div>;
      })}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, wordBreak: 'break-all', fontSize: 12 }}>
        {t('report.hash')}：<span data-testid="report-hash">{report.contentHash}</span>
      </Typography.Paragraph>
      <Modal open={confirming} title={t('report.confirmTitle')} okText={t('report.confirm')} onOk={() => confirm.mutate({ ...input, contentHash: report.contentHash })} confirmLoading={confirm.isPending} onCancel={() => setConfirming(false)}>
        <Typography.Paragraph style={{ wordBreak: 'break-all' }}>{t('report.confirmBody', { hash: report.contentHash.slice(0, 16) })}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}
