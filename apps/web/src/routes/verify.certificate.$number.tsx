import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Descriptions, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

/** A class's completion certificate (结业证书) is numbered PC-…; a contest's otherwise. */
const isProgrammeCertificate = (number: string) => number.startsWith('PC-');

export const Route = createFileRoute('/verify/certificate/$number')({
  loader: ({ context, params }) =>
    isProgrammeCertificate(params.number)
      ? context.queryClient.ensureQueryData(api.programme.certificate.verify.queryOptions({ number: params.number }))
      : context.queryClient.ensureQueryData(api.contest.verifyCertificate.queryOptions({ number: params.number })),
  component: VerifyPage,
  errorComponent: NotFoundCertificate,
});

/** The public certificate check (the QR code's link): only what a reader of the certificate needs. */
function VerifyPage() {
  const { number } = Route.useParams();
  return isProgrammeCertificate(number) ? <ProgrammeCertificateFacts number={number} /> : <ContestCertificateFacts number={number} />;
}

/** The check's answer: valid or not, the facts as label → value, and the stored hash. */
function CertificateFacts({ valid, number, facts, hash }: { valid: boolean; number: string; facts: [string, ReactNode][]; hash: string }) {
  const t = useT();
  return (
    <AuthFrame title={t('contest.verify.title')}>
      <Result status={valid ? 'success' : 'error'} title={valid ? t('contest.verify.valid') : t('contest.verify.invalid')} style={{ padding: '8px 0' }} />
      <Descriptions column={1} size="small" bordered data-testid="certificate-facts">
        <Descriptions.Item label={t('contest.cert.number')}>{number}</Descriptions.Item>
        {facts.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('contest.verify.hash')}>
          <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 11 }}>
            {hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </AuthFrame>
  );
}

function ContestCertificateFacts({ number }: { number: string }) {
  const t = useT();
  const { data: c } = useSuspenseQuery(api.contest.verifyCertificate.queryOptions({ number }));
  const facts: [string, ReactNode][] = [
    [t('contest.verify.name'), c.maskedName],
    [t('contest.verify.contest'), c.contestTitle],
    [t('contest.verify.trade'), c.trade],
    [t('contest.verify.award'), c.award],
    ...(c.title ? [[t('contest.verify.honour'), c.title] as [string, ReactNode]] : []),
    [t('contest.verify.issuedOn'), c.issuedOn],
    [t('contest.verify.issuers'), c.issuers.join('、')],
  ];
  return <CertificateFacts valid={c.valid} number={c.number} facts={facts} hash={c.hash} />;
}

function ProgrammeCertificateFacts({ number }: { number: string }) {
  const t = useT();
  const { data: c } = useSuspenseQuery(api.programme.certificate.verify.queryOptions({ number }));
  const facts: [string, ReactNode][] = [
    [t('programme.verify.name'), c.maskedName],
    [t('programme.verify.class'), c.classTitle],
    [t('programme.verify.topic'), c.topic],
    [t('programme.verify.attended'), t('programme.verify.attendedValue', { attended: c.attended, sessions: c.sessions, hours: c.creditHours })],
    [t('programme.verify.completedOn'), c.completedOn],
    [t('programme.verify.issuedOn'), c.issuedOn],
    [t('contest.verify.issuers'), c.issuers.join('、')],
  ];
  return <CertificateFacts valid={c.valid} number={c.number} facts={facts} hash={c.hash} />;
}

function NotFoundCertificate() {
  const t = useT();
  return (
    <AuthFrame title={t('contest.verify.title')}>
      <Result status="warning" title={t('contest.verify.notFound')} />
    </AuthFrame>
  );
}
