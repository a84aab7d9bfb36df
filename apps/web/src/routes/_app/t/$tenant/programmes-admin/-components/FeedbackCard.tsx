import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Rate, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';

/** What attendees said: the average per session and the comments with their city (never a name). */
export function FeedbackCard({ eventId }: { eventId: string }) {
  const t = useT();
  const { api } = useTenant();
  const { data } = useQuery(api.programme.event.feedback.queryOptions({ id: eventId }));
  if (!data) return null;
  return (
    <Card size="small" title={t('programme.feedback.title')} style={{ marginBottom: 16 }} data-testid="programme-feedback">
      {data.count === 0 ? (
        <Typography.Text type="secondary">{t('programme.feedback.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('programme.feedback.summary', { count: data.count, average: data.average ?? 0 })}</Typography.Text>
          {data.sessions
            .filter((s) => s.count > 0)
            .map((s) => (
              <Typography.Text key={s.sessionId} type="secondary">
                {t('programme.feedback.session', { title: s.title, count: s.count, average: s.average ?? 0 })}
              </Typography.Text>
            ))}
          {data.comments.slice(0, 20).map((c, i) => (
            <div key={`${c.at}-${i}`} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
              <Rate disabled value={c.rating} style={{ fontSize: 12 }} />
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {c.city} · {c.sessionTitle} · {formatDateTime(c.at)}
              </Typography.Text>
              <div>{c.comment}</div>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
