import { useMutation, useQuery } from '@tanstack/react-query';
import type { AgreementDto } from '@uc/contracts';
import { Alert, App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { collectingSignatures } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { SignModal } from './SignModal.tsx';
import { openThreadCount } from './commentThreads.ts';

type Dialog = 'sign' | 'decline' | 'terminate' | null;

/** The lifecycle steps the user may take now (the API's `can`), each explained before it is taken. */
export function StepActions({ agreement: a }: { agreement: AgreementDto }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const { api, slug } = useTenant();
  const refresh = useRefreshTenant();
  const [dialog, setDialog] = useState<Dialog>(null);
  const handlers = (done: string) => ({
    onSuccess: async () => {
      void message.success(done);
      await refresh();
    },
    onError: async (err: unknown) => {
      void message.error(errorInfo(err, t('common.networkError')).message);
      await refresh();
    },
  });
  const open = useMutation(api.agreement.openNegotiation.mutationOptions(handlers(t('agreements.action.opened'))));
  const send = useMutation(api.agreement.sendForSignature.mutationOptions(handlers(t('agreements.action.sent'))));
  const reopen = useMutation(api.agreement.reopen.mutationOptions(handlers(t('agreements.action.reopened'))));
  const amend = useMutation(api.agreement.amend.mutationOptions(handlers(t('agreements.action.amending'))));
  const step = { id: a.id, rowVersion: a.rowVersion };
  const busy = open.isPending || send.isPending || reopen.isPending || amend.isPending;
  const mine = a.parties.find((p) => p.slug === slug);
  const { can } = a;
  // open comment threads block the freeze (the API refuses with COMMENTS_OPEN): say so before the click
  const comments = useQuery({ ...api.agreement.comments.queryOptions({ id: a.id }), enabled: can.sendForSignature });
  const openThreads = comments.data ? openThreadCount(comments.data) : 0;
  const any = can.openNegotiation || can.sendForSignature || can.sign || can.reopen || can.amend || can.terminate;

  const confirmSend = () =>
    modal.confirm({
      title: t('agreements.action.sendTitle', { number: a.currentVersion.number }),
      content: t('agreements.action.sendIntro'),
      okText: t('agreements.action.send'),
      cancelText: t('agreements.cancel'),
      onOk: () => send.mutateAsync(step).catch(() => undefined),
    });

  return (
    <>
      <Flex vertical gap={8} data-testid="step-actions">
        {can.openNegotiation && (
          <Popconfirm title={t('agreements.action.openConfirm')} onConfirm={() => open.mutate(step)} okText={t('agreements.action.open')} cancelText={t('agreements.cancel')}>
            <Button type="primary" block loading={open.isPending} disabled={busy}>
              {t('agreements.action.open')}
            </Button>
          </Popconfirm>
        )}
        {can.sendForSignature && openThreads > 0 && (
          <Alert type="warning" showIcon data-testid="comments-open-warning" title={t('agreements.comments.blockFreeze', { count: openThreads })} />
        )}
        {can.sendForSignature && (
          <Button type="primary" block onClick={confirmSend} loading={send.isPending} disabled={busy}>
            {t('agreements.action.send')}
          </Button>
        )}
        {can.sign && (
          <Button type="primary" block onClick={() => setDialog('sign')} disabled={busy}>
            {t('agreements.sign.open')}
          </Button>
        )}
        {can.sign && (
          <Button danger block onClick={() => setDialog('decline')} disabled={busy}>
            {t('agreements.decline.open')}
          </Button>
        )}
        {can.reopen && (
          <Popconfirm title={t('agreements.action.reopenConfirm')} onConfirm={() => reopen.mutate(step)} okText={t('agreements.action.reopen')} cancelText={t('agreements.cancel')}>
            <Button block loading={reopen.isPending} disabled={busy}>
              {t('agreements.action.reopen')}
            </Button>
          </Popconfirm>
        )}
        {can.amend && (
          <Popconfirm title={t('agreements.action.amendConfirm')} onConfirm={() => amend.mutate(step)} okText={t('agreements.action.amend')} cancelText={t('agreements.cancel')}>
            <Button block loading={amend.isPending} disabled={busy}>
              {t('agreements.action.amend')}
            </Button>
          </Popconfirm>
        )}
        {can.terminate && (
          <Button danger block onClick={() => setDialog('terminate')} disabled={busy}>
            {t('agreements.terminate.open')}
          </Button>
        )}
        {!any && <Typography.Text type="secondary">{waitingText(t, a, mine)}</Typography.Text>}
      </Flex>
      {dialog === 'sign' && <SignModal agreement={a} onClose={() => setDialog(null)} />}
      {(dialog === 'decline' || dialog === 'terminate') && <ReasonModal agreement={a} kind={dialog} onClose={() => setDialog(null)} />}
    </>
  );
}

/** Why there is nothing to press. */
function waitingText(t: ReturnType<typeof useT>, a: AgreementDto, mine: AgreementDto['parties'][number] | undefined): string {
  if (collectingSignatures(a)) return mine?.signature ? t('agreements.action.waitOthers') : t('agreements.action.signatoryOnly');
  if (a.status === 'draft' || a.status === 'negotiating' || a.amendment === 'negotiating') return t('agreements.action.signersOnly');
  return t('agreements.action.none');
}
