import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { createFileRoute, redirect } from '@tanstack/react-router';
import { Alert, App, Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { tenantApi } from '@/lib/trpc.ts';
import { canManageLiaison } from './-components/liaison.ts';
import { LiaisonFormModal, type LiaisonFormTarget } from './-components/LiaisonFormModal.tsx';
import { LiaisonPairCard } from './-components/LiaisonPairCard.tsx';

export const Route = createFileRoute('/_app/t/$tenant/agreements/$agreementId/liaison/')({
  beforeLoad: ({ context, params }) => {
    if (!access.staff(context.membership.roles)) throw redirect({ to: '/t/$tenant', params: { tenant: params.tenant } });
  },
  loader: ({ context, params }) => {
    const scoped = tenantApi(params.tenant);
    return Promise.all([
      context.queryClient.ensureQueryData(scoped.agreement.get.queryOptions({ id: params.agreementId })),
      context.queryClient.ensureQueryData(scoped.liaison.list.queryOptions({ agreementId: params.agreementId })),
    ]);
  },
  component: LiaisonPage,
});

/** The agreement's liaison pairs (联络员): who to call on each side, level by level. */
function LiaisonPage() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { agreementId } = Route.useParams();
  const { api, slug, roles } = useTenant();
  const refresh = useRefreshTenant();
  const { data: agreement } = useSuspenseQuery(api.agreement.get.queryOptions({ id: agreementId }));
  const { data: pairs } = useSuspenseQuery(api.liaison.list.queryOptions({ agreementId }));
  const [form, setForm] = useState<LiaisonFormTarget | null>(null);
  const canManage = canManageLiaison(roles, agreement.status);
  const me = agreement.parties.find((p) => p.slug === slug);
  const remove = useMutation(
    api.liaison.delete.mutationOptions({
      onSuccess: () => (void message.success(t('common.deleted')), refresh()),
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
        {/* the agreement's tab already names the page: say what it is for */}
        <Typography.Paragraph type="secondary" style={{ flex: '1 1 260px', minWidth: 0, margin: 0 }}>
          {t('liaison.subtitle')}
        </Typography.Paragraph>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
            {t('liaison.create')}
          </Button>
        )}
      </Flex>
      {!canManageLiaison(['admin'], agreement.status) && <Alert type="info" showIcon title={t('liaison.readOnly')} style={{ marginBottom: 16 }} />}
      {pairs.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liaison.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('liaison.count', { count: pairs.length })}</Typography.Text>
          {pairs.map((pair) => (
            <LiaisonPairCard
              key={pair.id}
              pair={pair}
              slug={slug}
              canManage={canManage}
              onEdit={() => setForm({ mode: 'edit', pair })}
              onDelete={() => remove.mutateAsync({ id: pair.id, rowVersion: pair.rowVersion })}
            />
          ))}
        </Flex>
      )}
      {form && <LiaisonFormModal agreementId={agreementId} partyName={me ? localName(locale, me) : slug} target={form} onClose={() => setForm(null)} />}
    </>
  );
}
