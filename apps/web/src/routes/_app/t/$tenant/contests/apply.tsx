import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Empty, Flex, Typography } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useTenant } from '@/components/session.ts';
import { recuperationAccess } from '@/features/recuperation/access.ts';
import { useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { ApplyCard, MyApplicationCard } from './-components/ApplyCard.tsx';

export const Route = createFileRoute('/_app/t/$tenant/contests/apply')({
  beforeLoad: ({ context, params }) => {
    // the member's own page: a member account with its member record
    if (!recuperationAccess.book(context.membership)) throw redirect({ to: '/t/$tenant', params });
  },
  loader: ({ context, params }) => {
    const a = tenantApi(params.tenant);
    return Promise.all([context.queryClient.ensureQueryData(a.contest.application.open.queryOptions()), context.queryClient.ensureQueryData(a.contest.application.mine.queryOptions())]);
  },
  component: MemberContestsPage,
});

/** 技能竞赛报名 on the member's phone: what is open to their federation, and their applications and entries. */
function MemberContestsPage() {
  const t = useT();
  const { api } = useTenant();
  const { data: open } = useSuspenseQuery(api.contest.application.open.queryOptions());
  const { data: mine } = useSuspenseQuery(api.contest.application.mine.queryOptions());
  return (
    <div style={{ maxWidth: 640 }}>
      <PageHeader title={t('contest.apply.title')} subtitle={t('contest.apply.subtitle')} />
      <Typography.Title level={5}>{t('contest.apply.mine')}</Typography.Title>
      {mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contest.apply.mineEmpty')} />
      ) : (
        <Flex vertical gap={12}>
          {mine.map((a) => (
            <MyApplicationCard key={a.id} application={a} />
          ))}
        </Flex>
      )}
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {t('contest.apply.open')}
      </Typography.Title>
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contest.apply.none')} />
      ) : (
        <Flex vertical gap={12}>
          {open.map((e) => (
            <ApplyCard key={e.eventId} event={e} />
          ))}
        </Flex>
      )}
    </div>
  );
}
