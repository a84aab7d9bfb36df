import { MessageOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { useRequestKey } from '@/features/forms/useRequestKey.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

interface Props {
  memberIds: string[];
  onDone(): void;
}

/**
 * The bar over the member table while members are selected: text them an invitation to activate.
 * Mounted per selection (keyed by it), so a double click sends one request key, not two.
 */
export function SmsInviteBar({ memberIds, onDone }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useRefreshTenant();
  const idempotencyKey = useRequestKey();
  const invite = useMutation(
    api.member.inviteBySms.mutationOptions({
      onSuccess: (r) => {
        void message.success(t('members.smsInvite.done', { invited: r.invited }));
        if (r.alreadyActive || r.noMobile || r.recentlyInvited) void message.info(t('members.smsInvite.skipped', r), 6);
        onDone();
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );
  return (
    <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }} data-testid="sms-invite-bar">
      <Typography.Text>{t('members.smsInvite.selected', { n: memberIds.length })}</Typography.Text>
      <Popconfirm title={t('members.smsInvite')} description={<div style={{ maxWidth: 320 }}>{t('members.smsInvite.confirm')}</div>} onConfirm={() => invite.mutate({ memberIds, idempotencyKey })}>
        <Button icon={<MessageOutlined />} loading={invite.isPending}>
          {t('members.smsInvite')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
