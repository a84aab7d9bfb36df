import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';

export const Route = createFileRoute('/_app/t/$tenant/judge/')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).contest.score.mine.queryOptions()),
  component: JudgeHome,
});

/** A judge's phone home: the events whose panel they sit on. */
function JudgeHome() {
  const t = useT();
  const { api, slug } = useTenant();
  const { data: events } = useSuspenseQuery(api.contest.score.mine.queryOptions());
  return (
    <>
      <PageHeader title={t('contest.judge.title')} subtitle={t('contest.judge.blind')} />
      {events.length === 0 && <Empty description={t('contest.judge.empty')} />}
      <Flex vertical gap={12}>
        {events.map((e) => (
          <Link key={e.eventId} to="/t/$tenant/judge/$eventId" params={{ tenant: slug, eventId: e.eventId }}>
            <Card size="small" hoverable data-testid="judge-event">
              <Flex vertical gap={4}>
                <Typography.Text strong>{e.trade}</Typography.Text>
                <Typography.Text type="secondary">{e.contestTitle}</Typography.Text>
                <Flex gap={4} wrap>
                  <Tag>{e.eventDate}</Tag>
                  <Tag color="blue">{t(`contest.stage.${e.stage}`)}</Tag>
                  {e.chief && <Tag color="red">{t('contest.panel.chief')}</Tag>}
                </Flex>
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </>
  );
}
