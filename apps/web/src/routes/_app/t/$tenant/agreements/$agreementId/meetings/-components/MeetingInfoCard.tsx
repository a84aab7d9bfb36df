import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { AgreementDto, MeetingDto } from '@uc/contracts';
import { App, Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDate } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { attendeesByParty } from './meetings.ts';
import { MeetingStatusTag } from './MeetingStatusTag.tsx';

/** When, where, who hosts, the agenda and who attends; editing them and marking the meeting held. */
export function MeetingInfoCard({ agreement, meeting, canWrite }: { agreement: AgreementDto; meeting: MeetingDto; canWrite: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [editing, setEditing] = useState(false);
  const markHeld = useMutation(
    api.meeting.update.mutationOptions({
      onSuccess: () => (void message.success(t('meetings.markedHeld')), refresh()),
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  const partyName = (slug: string) => {
    const p = agreement.parties.find((x) => x.slug === slug);
    return p ? localName(locale, p) : slug;
  };
  const groups = attendeesByParty(meeting.attendees, agreement.parties);

  return (
    <Card
      title={t('meetings.details')}
      extra={
        canWrite && (
          <Space size={0} wrap>
            {meeting.status === 'planned' && (
              <Button type="link" size="small" icon={<CheckCircleOutlined />} loading={markHeld.isPending} onClick={() => markHeld.mutate({ id: meeting.id, rowVersion: meeting.rowVersion, status: 'held' })}>
                {t('meetings.markHeld')}
              </Button>
            )}
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('meetings.date')}>{formatDate(meeting.meetingDate, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.host')}>{localName(locale, { nameZh: meeting.hostNameZh, nameEn: meeting.hostNameEn })}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.location')}>{meeting.location || t('meetings.locationTbd')}</Descriptions.Item>
        <Descriptions.Item label={t('meetings.statusLabel')}>
          <MeetingStatusTag status={meeting.status} />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('meetings.agenda')}
      </Typography.Title>
      {meeting.agenda ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="agenda">
          {meeting.agenda}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">{t('meetings.noAgenda')}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('meetings.attendees')}</Typography.Title>
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.noAttendees')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {groups.map((g) => (
            <div key={g.slug}>
              <Typography.Text strong>{t('meetings.attendeeGroup', { party: partyName(g.slug) })}</Typography.Text>
              <Typography.Text>{g.people.map((p) => (p.title ? t('meetings.attendeeWithTitle', { name: p.name, title: p.title }) : p.name)).join(t('meetings.listSeparator'))}</Typography.Text>
            </div>
          ))}
        </Flex>
      )}
      {editing && <MeetingFormModal agreement={agreement} meeting={meeting} onClose={() => setEditing(false)} />}
    </Card>
  );
}
