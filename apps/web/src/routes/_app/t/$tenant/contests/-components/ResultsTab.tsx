import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ContestEventDto, ResultsDto } from '@uc/contracts';
import { App, Button, Empty, Flex, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { tenantClient } from '@/lib/trpc.ts';
import { useT } from '@/lib/locale.ts';
import { RemarkModal } from './RemarkModal.tsx';

type Row = ResultsDto['rows'][number];

/** 成绩公示表: derived from the marks on every read; appeals within the window; certificates. */
export function ResultsTab({ event, organiser }: { event: ContestEventDto; organiser: boolean }) {
  const t = useT();
  const { api, slug } = useTenant();
  const visible = organiser ? ['drawn', 'locked', 'published', 'finalised'].includes(event.stage) : ['published', 'finalised'].includes(event.stage);
  const { data } = useQuery({ ...api.contest.event.results.queryOptions({ eventId: event.id }), enabled: visible });
  const { data: certs = [] } = useQuery({ ...api.contest.event.certificates.queryOptions({ eventId: event.id }), enabled: event.stage === 'finalised' });
  if (!visible || !data) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contest.results.notPublished')} />;
  const open = event.stage === 'published' && data.appealUntil !== null && new Date(data.appealUntil) > new Date();
  return (
    <Flex vertical gap={12}>
      {data.appealUntil && <Typography.Text strong>{t('contest.results.appealUntil', { time: new Date(data.appealUntil).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}</Typography.Text>}
      <Typography.Text type="secondary">{t('contest.results.tieBreak')}</Typography.Text>
      <Table<Row>
        rowKey="entrantId"
        size="small"
        dataSource={data.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="results-table"
        columns={[
          { title: t('contest.results.rank'), dataIndex: 'rank' },
          { title: t('contest.reg.number'), dataIndex: 'number' },
          { title: t('contest.reg.name'), dataIndex: 'name', render: (n: string) => n || '—' },
          { title: t('contest.reg.federation'), render: (_, r) => r.federation.name },
          { title: t('contest.results.theory'), dataIndex: 'theory' },
          { title: t('contest.results.practical'), dataIndex: 'practical' },
          { title: t('contest.results.total'), dataIndex: 'total', render: (n: number) => <strong>{n}</strong> },
          { title: t('contest.results.award'), dataIndex: 'award', render: (a: string | null) => (a ? <Tag color="gold">{a}</Tag> : null) },
        ]}
      />
      <Appeals event={event} data={data} organiser={organiser} open={open} />
      {certs.length > 0 && (
        <List
          size="small"
          header={<strong>{t('contest.cert.title')}</strong>}
          dataSource={certs}
          renderItem={(c) => (
            <List.Item data-testid="certificate">
              <Space wrap>
                <span>{c.maskedName}</span>
                <Tag color="gold">{c.award}</Tag>
                {c.title && <Tag color="red">{c.title}</Tag>}
                <Typography.Text code>{c.number}</Typography.Text>
                <Button size="small" data-testid="certificate-pdf" onClick={() => void downloadCertificate(slug, event.id, c.number)}>
                  {t('contest.cert.download')}
                </Button>
                <Link to="/verify/certificate/$number" params={{ number: c.number }} target="_blank">
                  {t('contest.cert.verify')}
                </Link>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

/** The certificate's PDF (with its QR code), saved as a file. */
async function downloadCertificate(slug: string, eventId: string, number: string) {
  const f = await tenantClient(slug).contest.event.certificatePdf.query({ eventId, number });
  const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.filename;
  a.click();
  URL.revokeObjectURL(url);
}

function Appeals({ event, data, organiser, open }: { event: ContestEventDto; data: ResultsDto; organiser: boolean; open: boolean }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const opts = { onSuccess: () => void refresh(), onError: (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message) };
  const file = useMutation(api.contest.appeal.file.mutationOptions(opts));
  const decide = useMutation(api.contest.appeal.decide.mutationOptions(opts));
  const [why, setWhy] = useState<Record<string, string>>({});
  const [remarking, setRemarking] = useState<string | null>(null);
  return (
    <Flex vertical gap={8}>
      <strong>{t('contest.appeal.title')}</strong>
      {remarking && <RemarkModal appealId={remarking} initialReason={why[remarking] ?? ''} onClose={() => setRemarking(null)} />}
      {data.appeals.map((a) => (
        <Flex key={a.id} gap={8} wrap align="center" data-testid="appeal">
          <Tag>{t('contest.judge.number', { n: a.number })}</Tag>
          <span>{a.reason}</span>
          <Tag color={a.status === 'filed' ? 'orange' : a.status === 'upheld' ? 'green' : 'default'}>{t(`contest.appeal.status.${a.status as 'filed' | 'upheld' | 'rejected'}`)}</Tag>
          {a.decisionReason && <Typography.Text type="secondary">{a.decisionReason}</Typography.Text>}
          {organiser && a.status === 'filed' && (
            <>
              <Input style={{ width: 220 }} placeholder={t('contest.appeal.decisionReason')} aria-label={t('contest.appeal.decisionReason')} value={why[a.id] ?? ''} onChange={(e) => setWhy({ ...why, [a.id]: e.target.value })} />
              <Button onClick={() => decide.mutate({ appealId: a.id, decision: 'rejected', reason: why[a.id] ?? '', remarks: [], theoryRemarks: [] })}>{t('contest.appeal.reject')}</Button>
              <Button onClick={() => setRemarking(a.id)}>{t('contest.appeal.uphold')}</Button>
            </>
          )}
        </Flex>
      ))}
      {!organiser && open && event.stage === 'published' && (
        <Flex gap={8} wrap>
          <Input style={{ width: 100 }} placeholder={t('contest.reg.number')} aria-label={t('contest.reg.number')} value={number} onChange={(e) => setNumber(e.target.value)} />
          <Input style={{ width: 280 }} placeholder={t('contest.appeal.reason')} aria-label={t('contest.appeal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button onClick={() => file.mutate({ eventId: event.id, number: Number(number), reason })} loading={file.isPending}>
            {t('contest.appeal.file')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
