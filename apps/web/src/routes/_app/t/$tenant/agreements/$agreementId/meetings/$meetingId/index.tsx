import { ArrowLeftOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, notFound, redirect } from '@tanstack/react-router';
import { Alert, Flex, Space, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { DecisionsCard } from '../-components/DecisionsCard.tsx';
import { MeetingInfoCard } from '../-components/MeetingInfoCard.tsx';
import { canWriteMeetings } from '../-components/meetings.ts';
import { MeetingStatusTag } from '../-components/MeetingStatusTag.tsx';
import { MinutesCard } from '../-components/MinutesCard.tsx';
import { isUuid } from '@/lib/search.ts';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/meetings/$meetingId/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
    // not an id at all: the same "not found" as a meeting of someone else's agreement
    if (!isUuid(params.meetingId)) throw notFound();
  },
  loader: async ({ context, params }) => {
    const scoped = tenantApi(params.tenant);
    const [, meeting] = await Promise.all([
      context.queryClient.ensureQueryData(scoped.agreement.get.queryOptions({ id: params.agreementId })),
      context.queryClient.ensureQueryData(scoped.meeting.get.queryOptions({ id: params.meetingId })),
    ]);
    // a meeting id under another agreement's address is not a page
    if (meeting.agreementId !== params.agreementId) throw notFound();
  },
  component: MeetingPage,
});

/** One joint meeting: its details and agenda, the minutes, and the decisions with the items they became. */
function MeetingPage() {
  const t = useT();
  const { agreementId, meetingId } = Route.useParams();
  const { api, slug, roles } = useTenant();
  const { data: agreement } = useSuspenseQuery(api.agreement.get.queryOptions({ id: agreementId }));
  const { data: meeting } = useSuspenseQuery(api.meeting.get.queryOptions({ id: meetingId }));
  const canWrite = canWriteMeetings(roles, agreement.status);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Link to="/t/$tenant/agreements/$agreementId/meetings" params={{ tenant: slug, agreementId }}>
          <ArrowLeftOutlined /> {t('meetings.back')}
        </Link>
        <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
          <Typography.Title level={4} style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
            {meeting.title}
          </Typography.Title>
          <MeetingStatusTag status={meeting.status} />
        </Flex>
      </div>
      {agreement.status !== 'active' && <Alert type="info" showIcon title={t('meetings.readOnly')} />}
      <MeetingInfoCard agreement={agreement} meeting={meeting} canWrite={canWrite} />
      <MinutesCard meeting={meeting} canWrite={canWrite} />
      <DecisionsCard agreement={agreement} meeting={meeting} canWrite={canWrite} />
    </Space>
  );
}
