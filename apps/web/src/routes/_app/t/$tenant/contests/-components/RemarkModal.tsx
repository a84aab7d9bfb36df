import { useMutation, useQuery } from '@tanstack/react-query';
import type { AppealMarksDto } from '@uc/contracts';
import { Alert, App, Flex, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

type Mark = AppealMarksDto['marks'][number];
const keyOf = (m: Mark) => `${m.aspect}|${m.judgeUserId ?? 'theory'}`;

/**
 * The chief judge upholds an appeal by re-marking: every mark of the appealed contestant as it
 * counts now (each judge's practical mark, the exam sheet's theory mark), a new value where the
 * review changed it. Only changed marks are sent; upholding without a change is not offered.
 */
export function RemarkModal({ appealId, initialReason, onClose }: { appealId: string; initialReason: string; onClose: () => void }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data } = useQuery(api.contest.appeal.marks.queryOptions({ appealId }));
  const [changed, setChanged] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState(initialReason);
  const decide = useMutation(
    api.contest.appeal.decide.mutationOptions({
      onSuccess: () => {
        void refresh();
        onClose();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const edits = (data?.marks ?? []).flatMap((m) => {
    const to = changed[keyOf(m)];
    return to === undefined || to === null || Math.round(to * 100) === m.mark ? [] : [{ m, mark: Math.round(to * 100) }];
  });
  const reasonOk = reason.trim().length >= 2;
  const submit = () =>
    decide.mutate({
      appealId,
      decision: 'upheld',
      reason: reason.trim(),
      remarks: edits.filter((e) => e.m.judgeUserId).map((e) => ({ judgeUserId: e.m.judgeUserId!, aspect: e.m.aspect, mark: e.mark })),
      theoryRemarks: edits.filter((e) => !e.m.judgeUserId).map((e) => ({ aspect: e.m.aspect, mark: e.mark })),
    });
  return (
    <Modal
      open
      title={t('contest.appeal.remarkTitle', { n: data?.number ?? '' })}
      okText={t('contest.appeal.confirmRemark')}
      okButtonProps={{ disabled: !edits.length || !reasonOk, loading: decide.isPending }}
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('contest.appeal.remarkHint')}</Typography.Text>
        <Table<Mark>
          rowKey={keyOf}
          size="small"
          loading={!data}
          dataSource={data?.marks ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('contest.appeal.col.aspect'),
              render: (_, m) => (
                <>
                  <Tag>{t(m.part === 'theory' ? 'contest.results.theory' : 'contest.results.practical')}</Tag>
                  {m.label}
                </>
              ),
            },
            { title: t('contest.appeal.col.judge'), render: (_, m) => (m.judgeUserId ? m.judge : t('contest.appeal.examSheet')) },
            { title: t('contest.appeal.col.from'), align: 'right', render: (_, m) => (m.mark === null ? '—' : `${m.mark / 100} / ${m.max}`) },
            {
              title: t('contest.appeal.col.to'),
              render: (_, m) => (
                <InputNumber
                  aria-label={`${m.label} ${m.judgeUserId ? m.judge : t('contest.appeal.examSheet')}`}
                  min={0}
                  max={m.max}
                  step={0.5}
                  precision={2}
                  style={{ width: 110 }}
                  value={changed[keyOf(m)] ?? (m.mark === null ? null : m.mark / 100)}
                  onChange={(v) => setChanged({ ...changed, [keyOf(m)]: v })}
                />
              ),
            },
          ]}
        />
        <Input.TextArea aria-label={t('contest.appeal.decisionReason')} placeholder={t('contest.appeal.decisionReason')} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        {!edits.length && <Alert type="info" showIcon message={t('contest.appeal.noChange')} />}
        {edits.length > 0 && !reasonOk && <Alert type="warning" showIcon message={t('contest.appeal.needReason')} />}
      </Flex>
    </Modal>
  );
}
