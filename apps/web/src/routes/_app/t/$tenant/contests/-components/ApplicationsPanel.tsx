import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApplicationDto } from '@uc/contracts';
import { App, Card, Tag } from 'antd';
import { useState } from 'react';
import { DecisionButtons, RefuseDialog } from '@/components/HomeDecision.tsx';
import { StaffList } from '@/components/StaffList.tsx';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** Our members' own applications for the event (基层工会推荐 → 市总审核): approve takes a city place, refuse tells the member why. */
export function ApplicationsPanel({ eventId }: { eventId: string }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: rows = [] } = useQuery(api.contest.application.list.queryOptions({ eventId }));
  const [refusing, setRefusing] = useState<ApplicationDto | null>(null);
  const labels = { approve: t('contest.application.approve'), refuse: t('contest.application.refuse'), reason: t('contest.application.refuseReason') };
  const decide = useMutation(
    api.contest.application.decide.mutationOptions({
      onSuccess: (a) => {
        void message.success(t(a.status === 'approved' ? 'contest.application.approved' : 'contest.application.refused'));
        setRefusing(null);
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const open = rows.filter((a) => a.status === 'applied' || a.status === 'approved' || a.status === 'refused');
  if (open.length === 0) return null;
  return (
    <Card size="small" title={t('contest.application.title')} style={{ marginBottom: 12 }} data-testid="contest-applications">
      <StaffList<ApplicationDto>
        size="small"
        rows={open}
        rowKey={(a) => a.id}
        empty={t('contest.application.empty')}
        testId="contest-application"
        columns={[
          { key: 'name', title: t('contest.reg.name'), primary: true, render: (a) => a.memberName },
          { key: 'years', title: t('contest.reg.years'), render: (a) => a.yearsInTrade },
          { key: 'at', title: t('contest.application.appliedAt'), render: (a) => formatDateTime(a.appliedAt) },
          { key: 'status', title: t('contest.application.status'), render: (a) => <Tag color={a.status === 'approved' ? 'green' : a.status === 'refused' ? 'red' : 'gold'}>{t(`contest.application.status.${a.status}`)}</Tag> },
        ]}
        actionsWidth={180}
        actions={(a) =>
          a.status === 'applied' && (
            <DecisionButtons labels={labels} approving={decide.isPending && decide.variables?.id === a.id} onApprove={() => decide.mutate({ id: a.id, decision: 'approve', reason: '' })} onRefuse={() => setRefusing(a)} />
          )
        }
      />
      {refusing && <RefuseDialog labels={labels} name={refusing.memberName} loading={decide.isPending} onRefuse={(reason) => decide.mutate({ id: refusing.id, decision: 'refuse', reason })} onCancel={() => setRefusing(null)} />}
    </Card>
  );
}
