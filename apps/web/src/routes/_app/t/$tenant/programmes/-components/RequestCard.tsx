import { useMutation } from '@tanstack/react-query';
import type { ProgrammeRequestDto } from '@uc/contracts';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

const COLOR: Record<ProgrammeRequestDto['status'], string> = { applied: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' };

/** A registration waiting for the member's own federation (待本会审核), or what it decided: no seat, no QR code yet. */
export function RequestCard({ request: r }: { request: ProgrammeRequestDto }) {
  const t = useT();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const { message } = App.useApp();
  const withdraw = useMutation(
    api.programme.request.withdraw.mutationOptions({
      onSuccess: () => {
        void message.success(t('programme.request.withdrawn'));
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  return (
    <Card size="small" data-testid="programme-request" title={r.eventTitle}>
      <Flex vertical gap={6}>
        {r.sessionTitle && <Typography.Text strong>{r.sessionTitle}</Typography.Text>}
        <Typography.Text>{formatDateTime(r.startsAt)}</Typography.Text>
        <Typography.Text type="secondary">{r.host}</Typography.Text>
        <div>
          <Tag color={COLOR[r.status]} data-testid="programme-request-status">
            {t(`programme.request.status.${r.status}`)}
          </Tag>
        </div>
        {r.status === 'refused' && r.decisionReason && <Typography.Text type="danger">{t('programme.request.refusedReason', { reason: r.decisionReason })}</Typography.Text>}
        {r.canWithdraw && (
          <Popconfirm title={t('programme.request.withdraw')} onConfirm={() => withdraw.mutate({ id: r.id })}>
            <Button size="small" loading={withdraw.isPending} data-testid="programme-request-withdraw" style={{ alignSelf: 'flex-start' }}>
              {t('programme.request.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
