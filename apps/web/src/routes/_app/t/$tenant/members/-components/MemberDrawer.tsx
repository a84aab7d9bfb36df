import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { MemberDto } from '@uc/contracts';
import { App, Button, Descriptions, Drawer, Empty, Flex, Grid, Popconfirm, Space, Tag, Typography } from 'antd';
import { useRefreshTenant, useTenant } from '@/components/session.ts';
import { access } from '@/lib/access.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { HONOUR_COLOR } from './HonourTags.tsx';
import { RevealIdNumber } from './RevealIdNumber.tsx';

interface Props {
  member: MemberDto;
  canWrite: boolean;
  onEdit(): void;
  onClose(): void;
}

export function MemberDrawer({ member, canWrite, onEdit, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api, roles } = useTenant();
  const refresh = useRefreshTenant();
  const { md } = Grid.useBreakpoint();
  const remove = useMutation(
    api.member.delete.mutationOptions({
      onSuccess: () => {
        void message.success(t('common.deleted'));
        onClose();
        return refresh();
      },
      onError: (err) => void message.error(errorInfo(err, t('common.networkError')).message),
    }),
  );

  return (
    <Drawer
      open
      onClose={onClose}
      title={member.name}
      size={md === false ? '100%' : 520}
      extra={
        canWrite && (
          <Space>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('common.deleteConfirm', { name: member.name })} okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync({ id: member.id }).catch(() => undefined)}>
              <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Popconfirm>
          </Space>
        )
      }
    >
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('members.name')}>{member.name}</Descriptions.Item>
        <Descriptions.Item label={t('members.gender')}>{member.gender ? t(`gender.${member.gender}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('members.birthDate')}>{member.birthDate ? formatDate(member.birthDate, locale) : member.birthYear ? t('members.birthYear', { year: member.birthYear }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('members.mobile')}>{member.mobile ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('members.idNumber')}>
          <RevealIdNumber key={member.id} member={member} allowed={access.revealIdNumber(roles)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('members.orgUnit')}>{member.orgUnitName}</Descriptions.Item>
        <Descriptions.Item label={t('members.createdAt')}>{formatDateTime(member.createdAt)}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('members.honours')}
      </Typography.Title>
      {member.honours.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.noHonours')} />
      ) : (
        <Flex vertical gap={8}>
          {member.honours.map((h) => (
            <Flex key={h.id} justify="space-between" align="center" gap={8} wrap style={{ padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <span>
                <Tag color={HONOUR_COLOR[h.kind]}>{t(`honour.${h.kind}`)}</Tag>
                {h.source}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {h.validUntil
                  ? t('members.honourValidityRange', { from: formatDate(h.validFrom, locale), until: formatDate(h.validUntil, locale) })
                  : `${t('members.honourValidity', { from: formatDate(h.validFrom, locale) })} · ${t('members.honourLongTerm')}`}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
