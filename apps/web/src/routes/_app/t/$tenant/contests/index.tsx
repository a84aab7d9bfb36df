import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, Link } from '@tanstack/react-router';
import type { ContestDto } from '@uc/contracts';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { NewContestModal } from './-components/NewContestModal.tsx';

export const Route = createFileRoute('/_app/t/$tenant/contests/')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(tenantApi(params.tenant).contest.list.queryOptions()),
  component: ContestsPage,
});

/** 技能竞赛: the contests this federation organises, enters or judges. */
function ContestsPage() {
  const t = useT();
  const { api, slug, roles } = useTenant();
  const { data: contests } = useSuspenseQuery(api.contest.list.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('contest.list.title')}
        subtitle={t('contest.list.subtitle')}
        extra={
          access.organiseContests(roles) && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('contest.create.button')}
            </Button>
          )
        }
      />
      {creating && <NewContestModal onClose={() => setCreating(false)} />}
      {contests.length === 0 ? (
        <Empty description={t('contest.list.empty')} />
      ) : (
        <List<ContestDto>
          dataSource={contests}
          grid={{ gutter: 12, xs: 1, md: 2 }}
          renderItem={(c) => (
            <List.Item>
              <Card size="small" data-testid="contest-card" title={<Link to="/t/$tenant/contests/$contestId" params={{ tenant: slug, contestId: c.id }}>{c.title}</Link>}>
                <Space direction="vertical" size={4}>
                  <Typography.Text type="secondary">
                    {t('contest.col.year')} {c.year} · {t('contest.col.events')} {c.eventCount}
                  </Typography.Text>
                  <Space wrap size={4}>
                    {c.parties.map((p) => (
                      <Tag key={p.slug} color={p.role === 'organiser' ? 'red' : p.role === 'party' ? 'blue' : 'default'}>
                        {p.name} · {t(`contest.role.${p.role}`)}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
