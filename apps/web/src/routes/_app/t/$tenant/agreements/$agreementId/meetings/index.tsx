import { CalendarOutlined, EnvironmentOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link, redirect } from '@tanstack/react-router';
import type { MeetingSummaryDto } from '@uc/contracts';
import { Alert, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { formatDate } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { MeetingFormModal } from './-components/MeetingFormModal.tsx';
import { canWriteMeetings } from './-components/meetings.ts';
import { MeetingStatusTag } from './-components/MeetingStatusTag.tsx';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/meetings/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) => {
    const scoped = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(scoped.agreement.get.queryOptions({ id: params.agreementId })),
      context.queryClient.ensureQueryData(scoped.meeting.list.queryOptions({ agreementId: params.agreementId })),
    ]);
  },
  component: MeetingsPage,
});

/** The agreement's joint meetings (联席会议), latest first, and scheduling the next one. */
function MeetingsPage() {
  const t = useT();
  const { agreementId } = Route.useParams();
  const { api, roles } = useTenant();
  const { data: agreement } = useSuspenseQuery(api.agreement.get.queryOptions({ id: agreementId }));
  const { data: meetings } = useSuspenseQuery(api.meeting.list.queryOptions({ agreementId }));
  const [scheduling, setScheduling] = useState(false);
  const canWrite = canWriteMeetings(roles, agreement.status);

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ flex: '1 1 260px', minWidth: 0, margin: 0 }}>
          {t('meetings.subtitle')}
        </Typography.Paragraph>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
            {t('meetings.schedule')}
          </Button>
        )}
      </Flex>
      {agreement.status !== 'active' && <Alert type="info" showIcon title={t('meetings.readOnly')} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: meetings.length ? 0 : undefined } }}>
        {meetings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.empty')} />
        ) : (
          <List dataSource={meetings} rowKey="id" renderItem={(m) => <MeetingRow meeting={m} />} />
        )}
      </Card>
      {scheduling && <MeetingFormModal agreement={agreement} onClose={() => setScheduling(false)} />}
    </>
  );
}

function MeetingRow({ meeting: m }: { meeting: MeetingSummaryDto }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  return (
    <List.Item style={{ padding: 0 }}>
      <Link
        to="/t/$tenant/agreements/$agreementId/meetings/$meetingId"
        params={{ tenant: slug, agreementId: m.agreementId, meetingId: m.id }}
        data-testid="meeting-row"
        style={{ display: 'block', width: '100%', padding: '12px 16px', color: 'inherit' }}
      >
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong style={{ flex: '1 1 220px', minWidth: 0, overflowWrap: 'anywhere' }}>
            {m.title}
          </Typography.Text>
          <MeetingStatusTag status={m.status} />
        </Flex>
        <Flex gap={16} wrap style={{ marginTop: 4, color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
          <span>
            <CalendarOutlined /> {formatDate(m.meetingDate, locale)}
          </span>
          <span>
            <TeamOutlined /> {t('meetings.hostIs', { name: localName(locale, { nameZh: m.hostNameZh, nameEn: m.hostNameEn }) })}
          </span>
          <span>
            <EnvironmentOutlined /> {m.location || t('meetings.locationTbd')}
          </span>
          <span>{t('meetings.decisionCount', { count: m.decisionCount })}</span>
        </Flex>
      </Link>
    </List.Item>
  );
}
