import { useMutation, useQuery } from '@tanstack/react-query';
import { canCall, type ProgrammeRequestDto } from '@uc/contracts';
import { App, Card, Typography } from 'antd';
import { useState } from 'react';
import { DecisionButtons, RefuseDialog } from '@/components/HomeDecision.tsx';
import { StaffList } from '@/components/StaffList.tsx';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/**
 * 待审核报名: our members' own registrations on events that need our approval (decision 0051), for our
 * admin and officers — approving takes the seat (or the waitlist), refusing tells the member why.
 * The same buttons and dialog as the contests' applications. A table on a laptop, cards on a phone.
 */
export function RequestsPanel({ eventId }: { eventId?: string }) {
  const t = useT();
  const { api, roles } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const allowed = canCall('programme.request.list', roles);
  const { data: rows = [] } = useQuery({ ...api.programme.request.list.queryOptions({ status: 'applied', ...(eventId ? { eventId } : {}) }), enabled: allowed });
  const [refusing, setRefusing] = useState<ProgrammeRequestDto | null>(null);
  const labels = { approve: t('programme.request.approve'), refuse: t('programme.request.refuse'), reason: t('programme.request.refuseReason') };
  const decide = useMutation(
    api.programme.request.decide.mutationOptions({
      onSuccess: (r) => {
        void message.success(t(r.status === 'refused' ? 'programme.request.refused' : r.registrationStatus === 'waitlisted' ? 'programme.request.approvedWaitlisted' : 'programme.request.approved'));
        setRefusing(null);
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  if (!allowed || (eventId && rows.length === 0)) return null;
  return (
    <Card size="small" title={t('programme.request.admin.title')} style={{ marginBottom: 16 }} data-testid="programme-requests-admin">
      <StaffList<ProgrammeRequestDto>
        size="small"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('programme.request.admin.empty')}
        testId="programme-request-row"
        columns={[
          { key: 'name', title: t('programme.col.member'), primary: true, render: (r) => r.memberName },
          {
            key: 'event',
            title: t('programme.request.admin.event'),
            render: (r) => (
              <>
                {r.eventTitle}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.sessionTitle ? `${r.sessionTitle} · ` : ''}
                  {formatDateTime(r.startsAt)} · {r.host}
                </Typography.Text>
              </>
            ),
          },
          { key: 'at', title: t('programme.request.admin.at'), render: (r) => formatDateTime(r.requestedAt) },
        ]}
        actionsWidth={160}
        actions={(r) => <DecisionButtons labels={labels} testId="programme-request" approving={decide.isPending && decide.variables?.id === r.id} onApprove={() => decide.mutate({ id: r.id, decision: 'approve', reason: '' })} onRefuse={() => setRefusing(r)} />}
      />
      {refusing && (
        <RefuseDialog labels={labels} testId="programme-request" name={refusing.memberName} loading={decide.isPending} onRefuse={(reason) => decide.mutate({ id: refusing.id, decision: 'refuse', reason })} onCancel={() => setRefusing(null)} />
      )}
    </Card>
  );
}
