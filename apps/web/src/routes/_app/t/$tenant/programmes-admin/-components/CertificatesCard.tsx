import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { EventDetailDto } from '@uc/contracts';
import { App, Button, Card, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { tenantClient } from '@/lib/trpc.ts';

/**
 * A class's completion list (结业名单, decision 0057): the sessions it takes (the host sets it, all by
 * default), who completed it — derived from the check-ins — with each certificate's PDF, and a number check.
 */
export function CertificatesCard({ event: e, canWrite }: { event: EventDetailDto; canWrite: boolean }) {
  const t = useT();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data } = useQuery(api.programme.certificate.list.queryOptions({ eventId: e.id }));
  const [threshold, setThreshold] = useState<number | null>(e.certificateSessions);
  const onError = (err: unknown) => void message.error(errorInfo(err, t('common.networkError')).message);
  const save = useMutation(api.programme.event.update.mutationOptions({ onSuccess: () => refresh(), onError }));
  const check = async (number: string) => {
    if (!number.trim()) return;
    try {
      const c = await tenantClient(slug).programme.certificate.check.query({ number });
      void message.success(t('programme.certificate.checkOk', { name: c.maskedName, home: c.home, event: c.eventTitle, attended: c.attended, to: c.to }));
    } catch (err) {
      onError(err);
    }
  };
  const editable = canWrite && e.status !== 'held' && e.status !== 'archived';
  return (
    <Card size="small" title={t('programme.certificate.admin')} style={{ marginBottom: 16 }} data-testid="programme-certificate-list">
      <Flex vertical gap={8}>
        <Space wrap>
          <Typography.Text>{t('programme.certificate.sessions')}</Typography.Text>
          {editable ? (
            <>
              <InputNumber min={1} max={100} value={threshold} placeholder={t('programme.certificate.all')} onChange={(v) => setThreshold(v ?? null)} data-testid="programme-certificate-sessions" />
              <Button
                size="small"
                loading={save.isPending}
                disabled={threshold === e.certificateSessions}
                onClick={() =>
                  save.mutate({ id: e.id, rowVersion: e.rowVersion, kind: e.kind, title: e.title, topic: e.topic, speakers: e.speakers, description: e.description, seatsPerCity: e.seatsPerCity, releaseHours: e.releaseHours, homeApproval: e.homeApproval, certificateSessions: threshold })
                }
              >
                {t('common.save')}
              </Button>
            </>
          ) : (
            <Typography.Text strong>{e.certificateSessions ?? t('programme.certificate.all')}</Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">{t('programme.certificate.sessions.help')}</Typography.Text>
        {data && <Typography.Text strong>{t('programme.certificate.adminSummary', { sessions: data.sessions, required: data.required, attendees: data.attendees, n: data.certificates.length })}</Typography.Text>}
        {data?.certificates.length === 0 && <Typography.Text type="secondary">{t('programme.certificate.adminEmpty')}</Typography.Text>}
        {data?.certificates.map((c) => (
          <div key={c.number} style={{ display: 'flex', alignItems: 'center', gap: 8, borderTop: '1px solid #f0f0f0', paddingTop: 6 }} data-testid="programme-certificate-row">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Text strong>{c.memberName}</Typography.Text> <Typography.Text type="secondary">{c.home}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('programme.certificate.attended', { attended: c.attended, sessions: c.sessions, required: c.required, hours: c.creditHours })} · {c.number}
              </Typography.Text>
            </div>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/t/${slug}/programmes/events/${e.id}/certificates/${c.homeTenantId}/${c.memberId}.pdf`}>
              {t('programme.certificate.download')}
            </Button>
          </div>
        ))}
        <Input.Search placeholder="PC-XXXXXXXX-XXXXXXXXXXXX" enterButton={t('programme.certificate.check')} onSearch={(v) => void check(v)} style={{ maxWidth: 420 }} />
      </Flex>
    </Card>
  );
}
