import { useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Descriptions, Result, Typography } from 'antd';
import { AuthFrame } from '../components/AuthFrame.tsx';
import { useT } from '../lib/locale.ts';
import { api } from '../lib/trpc.ts';

export const Route = createFileRoute('/verify/certificate/$number')({
  loader: ({ context, params }) => context.queryClient.ensureQueryData(api.contest.verifyCertificate.queryOptions({ number: params.number })),
  component: VerifyPage,
  errorComponent: NotFoundCertificate,
});

/** The public certificate check (the QR code's link): only what a reader of the certificate needs. */
function VerifyPage() {
  const t = useT();
  const { number } = Route.useParams();
  const { data: c } = useSuspenseQuery(api.contest.verifyCertificate.queryOptions({ number }));
  return (
    <AuthFrame title={t('contest.verify.title')}>
      <Result status={c.valid ? 'success' : 'error'} title={c.valid ? t('contest.verify.valid') : t('contest.verify.invalid')} style={{ padding: '8px 0' }} />
      <Descriptions column={1} size="small" bordered data-testid="certificate-facts">
        <Descriptions.Item label={t('contest.cert.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.name')}>{c.maskedName}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.contest')}>{c.contestTitle}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.trade')}>{c.trade}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.award')}>{c.award}</Descriptions.Item>
        {c.title && <Descriptions.Item label={t('contest.verify.honour')}>{c.title}</Descriptions.Item>}
        <Descriptions.Item label={t('contest.verify.issuedOn')}>{c.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.issuers')}>{c.issuers.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('contest.verify.hash')}>
          <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 11 }}>
            {c.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </AuthFrame>
  );
}

function NotFoundCertificate() {
  const t = useT();
  return (
    <AuthFrame title={t('contest.verify.title')}>
      <Result status="warning" title={t('contest.verify.notFound')} />
    </AuthFrame>
  );
}
