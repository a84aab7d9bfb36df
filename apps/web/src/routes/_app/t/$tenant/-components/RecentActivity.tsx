import { Link } from '@tanstack/react-router';
import type { AuditEventDto } from '@uc/contracts';
import { Card, Empty, Timeline, Typography } from 'antd';
import { auditSummary, auditTypeLabel } from '@/components/auditText.ts';
import { useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { personLabel } from '@/components/Person.tsx';

export function RecentActivity({ events }: { events: AuditEventDto[] }) {
  const t = useT();
  const { slug } = useTenant();
  return (
    <Card
      title={t('home.recentActivity')}
      extra={
        <Link to="/t/$tenant/audit" params={{ tenant: slug }}>
          {t('home.allActivity')}
        </Link>
      }
    >
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noActivity')} />
      ) : (
        <Timeline
          items={events.map((e) => ({
            key: e.seq,
            content: (
              <>
                <Typography.Text strong>{auditTypeLabel(t, e.type)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {auditSummary(t, e.data)}
                </Typography.Text>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {formatDateTime(e.at)} · {personLabel(t, e.actor)}
                </div>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
