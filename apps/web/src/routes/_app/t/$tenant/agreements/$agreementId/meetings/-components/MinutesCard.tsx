import { EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { MeetingDto } from '@uc/contracts';
import { Alert, App, Button, Card, Empty, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formProblem } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** The minutes (会议纪要), plain text, edited in place; a concurrent edit is refused by rowVersion. */
export function MinutesCard({ meeting, canWrite }: { meeting: MeetingDto; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation(
    api.meeting.update.mutationOptions({
      onSuccess: () => {
        void message.success(t('meetings.minutesSaved'));
        setDraft(null);
        return refresh();
      },
    }),
  );
  const problem = formProblem(save.error, t('common.networkError'));
  const start = () => {
    save.reset();
    setDraft(meeting.minutes);
  };

  return (
    <Card
      title={t('meetings.minutes')}
      extra={
        canWrite &&
        draft === null && (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={start}>
            {t('meetings.editMinutes')}
          </Button>
        )
      }
    >
      {draft !== null ? (
        <Flex vertical gap={12}>
          <Input.TextArea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 20 }}
            maxLength={50_000}
            placeholder={t('meetings.minutesPlaceholder')}
            aria-label={t('meetings.minutes')}
            autoFocus
          />
          {problem && <Alert type="error" showIcon title={problem} />}
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setDraft(null)} disabled={save.isPending}>
              {t('common.close')}
            </Button>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate({ id: meeting.id, rowVersion: meeting.rowVersion, minutes: draft })}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      ) : meeting.minutes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, overflowWrap: 'anywhere' }} data-testid="minutes">
          {meeting.minutes}
        </Typography.Paragraph>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.minutesEmpty')} />
      )}
    </Card>
  );
}
