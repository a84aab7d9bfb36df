import { useMutation, useQuery } from '@tanstack/react-query';
import type { ContestEventDto } from '@uc/contracts';
import { Alert, App, Button, Checkbox, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** The panel (裁判组), the compatriot rule made visible, and — for the chief judge — seating judges. */
export function PanelTab({ event, organiser }: { event: ContestEventDto; organiser: boolean }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const { data: panel } = useQuery(api.contest.event.panel.queryOptions({ eventId: event.id }));
  const { data: candidates = [] } = useQuery({ ...api.contest.event.judgeCandidates.queryOptions({ eventId: event.id }), enabled: organiser });
  const [pick, setPick] = useState<string | null>(null);
  const [chief, setChief] = useState(false);
  const assign = useMutation(
    api.contest.event.assignJudge.mutationOptions({
      onSuccess: () => {
        setPick(null);
        void refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  if (!panel) return null;
  const seated = new Set(panel.judges.map((j) => j.userId));
  const chosen = candidates.find((c) => c.userId === pick);
  return (
    <Flex vertical gap={8}>
      <Alert type="info" showIcon message={t('contest.panel.rule')} />
      {panel.uncovered.length > 0 && event.stage !== 'registration' && <Alert type="warning" showIcon data-testid="panel-uncovered" message={t('contest.panel.uncovered', { cities: panel.uncovered.join('、') })} />}
      {panel.frozen && <Typography.Text type="secondary">{t('contest.panel.frozen')}</Typography.Text>}
      <List
        size="small"
        dataSource={panel.judges}
        renderItem={(j) => (
          <List.Item data-testid="panel-judge">
            <Flex gap={8} wrap align="center">
              <span>{j.name}</span>
              <Tag>{j.federation.name}</Tag>
              {j.chief && <Tag color="red">{t('contest.panel.chief')}</Tag>}
              {j.compatriotOf > 0 && <Tag color="orange">{t('contest.panel.compatriot', { n: j.compatriotOf })}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
      {organiser && !panel.frozen && (
        <Flex gap={8} wrap align="center">
          <Select
            style={{ minWidth: 240 }}
            value={pick}
            onChange={setPick}
            placeholder={t('contest.panel.judge')}
            aria-label={t('contest.panel.judge')}
            options={candidates.filter((c) => !seated.has(c.userId)).map((c) => ({ value: c.userId, label: `${c.name} · ${c.federation.name}` }))}
          />
          <Checkbox checked={chief} onChange={(e) => setChief(e.target.checked)}>
            {t('contest.panel.asChief')}
          </Checkbox>
          <Button disabled={!chosen} loading={assign.isPending} onClick={() => chosen && assign.mutate({ eventId: event.id, federationSlug: chosen.federation.slug, userId: chosen.userId, chief })}>
            {t('contest.panel.add')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
