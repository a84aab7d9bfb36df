import { createFileRoute, Link } from '@tanstack/react-router';
import { Button, Card, Space } from 'antd';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { useAgreement, usePartyName } from '../-components/useAgreement.ts';
import { ClauseList } from './-components/ClauseList.tsx';
import { CommonsView } from './-components/CommonsView.tsx';
import { NextStep } from './-components/NextStep.tsx';
import { SigningSteps } from './-components/SigningSteps.tsx';
import { StepActions } from './-components/StepActions.tsx';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/')({
  component: OverviewPage,
});

/** Where the agreement stands, what it covers, and its text. */
function OverviewPage() {
  const t = useT();
  const { slug } = useTenant();
  const a = useAgreement();
  const partyName = usePartyName(a);
  const params = { tenant: slug, agreementId: a.id };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <SigningSteps agreement={a} size="small" />
        <div style={{ height: 16 }} />
        <NextStep
          agreement={a}
          action={
            <Space wrap>
              {a.can.edit && (
                <Link to="/t/$tenant/agreements/$agreementId/clauses" params={params}>
                  <Button size="small">{t('agreements.action.edit')}</Button>
                </Link>
              )}
              <Link to="/t/$tenant/agreements/$agreementId/signing" params={params}>
                <Button size="small" type="primary" ghost>
                  {t('agreements.action.toSigning')}
                </Button>
              </Link>
            </Space>
          }
        />
      </Card>
      {/* the step actions (签署, 发起协商, 提交签署 …) where the to-do "请签署协议" leads: the same ones as on the signing tab */}
      {(a.can.sign || a.can.openNegotiation || a.can.sendForSignature || a.can.reopen) && (
        <Card title={t('agreements.signing.actions')} data-testid="overview-actions">
          <StepActions agreement={a} />
        </Card>
      )}
      <Card title={t('agreements.commons.title')}>
        <CommonsView content={a.currentVersion.content} partyName={partyName} partySlugs={a.parties.map((p) => p.slug)} />
      </Card>
      <Card title={t('agreements.text.title', { number: a.currentVersion.number })}>
        <ClauseList content={a.currentVersion.content} />
      </Card>
    </Space>
  );
}
