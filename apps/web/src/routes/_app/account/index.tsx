import { createFileRoute } from '@tanstack/react-router';
import { Alert, Col, Row } from 'antd';
import { PageHeader } from '@/components/PageHeader.tsx';
import { useMe } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { api } from '@/lib/trpc.ts';
import { LanguageCard } from './-components/LanguageCard.tsx';
import { PasswordCard } from './-components/PasswordCard.tsx';
import { ProfileCard } from './-components/ProfileCard.tsx';
import { SessionsCard } from './-components/SessionsCard.tsx';

export const Route = createFileRoute('/_app/account/')({
  loader: ({ context }) => context.queryClient.ensureQueryData(api.auth.sessions.queryOptions()),
  component: AccountPage,
});

function AccountPage() {
  const t = useT();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('account.title')} />
      {me.memberships.length === 0 && <Alert type="info" showIcon title={t('login.noFederation')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={12}>
          <LanguageCard />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
