import { DownloadOutlined } from '@ant-design/icons';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Button, Card, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';

/** The member's completion certificates (结业证书) of the classes they attended enough of: a PDF each (decision 0057). */
export function Certificates() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data } = useSuspenseQuery(api.programme.certificate.mine.queryOptions());
  return (
    <Card title={t('programme.certificate.title')} size="small" style={{ marginTop: 16 }} data-testid="programme-certificates">
      {data.length === 0 ? (
        <Typography.Text type="secondary">{t('programme.certificate.mineEmpty')}</Typography.Text>
      ) : (
        data.map((c) => (
          <div key={c.number} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderTop: '1px solid #f0f0f0' }} data-testid="programme-certificate">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong>{c.eventTitle}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('programme.certificate.attended', { attended: c.attended, sessions: c.sessions, required: c.required, hours: c.creditHours })}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('programme.certificate.number', { number: c.number })}
              </Typography.Text>
            </div>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/t/${slug}/programmes/certificates/${c.eventId}.pdf`} data-testid="programme-certificate-download">
              {t('programme.certificate.download')}
            </Button>
          </div>
        ))
      )}
    </Card>
  );
}
