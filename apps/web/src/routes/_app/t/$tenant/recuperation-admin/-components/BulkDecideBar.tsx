import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';
import { ReasonModal } from './ReasonModal.tsx';

/** Approve or return the selected requests in one go; the API decides each by the same rules and says which it refused. */
export function BulkDecideBar({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const { api } = useTenant();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const decide = useMutation({
    ...api.recuperation.booking.bulkDecide.mutationOptions(),
    onSuccess: async (res) => {
      setReturning(false);
      onDone();
      const summary = t('recuperation.bulk.result', { done: res.done, refused: res.refused });
      const refused = res.rows.filter((r) => r.outcome === 'refused');
      if (refused.length) modal.warning({ title: summary, content: refused.flatMap((r) => (r.reasons.length ? r.reasons.map((x) => x.message) : [t('recuperation.bulk.refusedRow')])).map((m, i) => <div key={i}>{m}</div>) });
      else void message.success(summary);
      await queryClient.invalidateQueries({ queryKey: api.recuperation.pathKey() });
    },
    onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
  });
  if (!ids.length) return null;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="bulk-bar">
      <Typography.Text>{t('recuperation.bulk.selected', { n: ids.length })}</Typography.Text>
      <Button type="primary" loading={decide.isPending && !returning} onClick={() => decide.mutate({ action: 'approve', ids })}>
        {t('recuperation.bulk.approve')}
      </Button>
      <Button danger onClick={() => setReturning(true)}>
        {t('recuperation.bulk.reject')}
      </Button>
      {returning && <ReasonModal title={t('recuperation.bulk.reject')} required busy={decide.isPending} onOk={(reason) => decide.mutate({ action: 'reject', ids, reason })} onClose={() => setReturning(false)} />}
    </Flex>
  );
}
