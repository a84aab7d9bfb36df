import { createFileRoute } from '@tanstack/react-router';
import { Card, Col, Row, Space } from 'antd';
import { useT } from '@/lib/locale.ts';
import { HashText } from '../-components/HashText.tsx';
import { useAgreement } from '../-components/useAgreement.ts';
import { NextStep } from './-components/NextStep.tsx';
import { PartySignatures } from './-components/PartySignatures.tsx';
import { SignedEvidence } from './-components/SignedEvidence.tsx';
import { SigningSteps } from './-components/SigningSteps.tsx';
import { StepActions } from './-components/StepActions.tsx';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/signing')({
  component: SigningPage,
});

/** The signing flow: the steps, who has signed and who is pending, what the user may do, and the signed evidence. */
function SigningPage() {
  const t = useT();
  const a = useAgreement();
  const v = a.currentVersion;
  // the PDF exists for the version in force, or for the frozen version while it is first signed
  const evidence = Boolean(a.inForceVersionId) || a.status === 'signing';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <SigningSteps agreement={a} />
        <div style={{ height: 16 }} />
        <NextStep agreement={a} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('agreements.signing.parties', { number: v.number })}>
            {v.frozen && v.contentHash && (
              <div style={{ background: '#fafafa', padding: '8px 10px', borderRadius: 6, marginBottom: 8 }}>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('agreements.signing.hashIntro')}</div>
                <HashText hash={v.contentHash} testId="signing-hash" />
              </div>
            )}
            <PartySignatures agreement={a} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('agreements.signing.actions')}>
              <StepActions agreement={a} />
            </Card>
            {evidence && (
              <Card title={t('agreements.evidence.title')}>
                <SignedEvidence agreement={a} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
