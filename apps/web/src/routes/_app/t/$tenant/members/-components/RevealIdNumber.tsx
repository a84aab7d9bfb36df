import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { MemberDto } from '@uc/contracts';
import { Button, Flex, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useT } from '@/lib/locale.ts';

/** The masked ID number; roles that need it may ask for the full number, and the API audits each look. */
export function RevealIdNumber({ member, allowed }: { member: MemberDto; allowed: boolean }) {
  const t = useT();
  const { api } = useTenant();
  const reveal = useMutation(api.member.revealIdNumber.mutationOptions());
  const mono = { fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 } as const;

  if (reveal.data) {
    return (
      <Flex vertical>
        <Typography.Text copyable style={mono} data-testid="id-number-full">
          {reveal.data.idNumber}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('members.revealedNote')}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical align="flex-start">
      <span style={mono}>{member.idNumberMasked}</span>
      {allowed && (
        <Button type="link" size="small" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate({ id: member.id })} style={{ paddingInline: 0 }}>
          {t('members.revealIdNumber')}
        </Button>
      )}
      {reveal.error && <Typography.Text type="danger">{errorInfo(reveal.error, t('common.networkError')).message}</Typography.Text>}
    </Flex>
  );
}
