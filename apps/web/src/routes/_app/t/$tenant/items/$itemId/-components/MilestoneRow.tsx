import { CheckCircleFilled, CheckOutlined, ClockCircleOutlined, DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { ItemPageDto, MilestoneDto } from '@uc/contracts';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTenant } from '@/components/session.ts';
import { isConflict } from '@/features/items/ConflictAlert.tsx';
import { ownSideFirst } from '@/features/items/parties.ts';
import { useItemsRefresh } from '@/features/items/useItemsRefresh.ts';
import { formatDate, formatDateTime } from '@/lib/dates.ts';
import { errorInfo } from '@/lib/errors.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { personLabel } from '@/components/Person.tsx';

interface Props {
  milestone: MilestoneDto;
  page: ItemPageDto;
  first: boolean;
  onReopen(): void;
  onReload(): Promise<unknown>;
}

/** One milestone: due date and state, each side's confirmation in this round, confirm / reopen / delete. */
export function MilestoneRow({ milestone: m, page, first, onReopen, onReload }: Props) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { api } = useTenant();
  const refresh = useItemsRefresh();
  const { canWrite, canEditCore, mySlug } = page.permissions;
  const confirm = useMutation(api.jointItem.milestone.confirm.mutationOptions());
  const remove = useMutation(api.jointItem.milestone.delete.mutationOptions());
  const mine = m.sides.find((s) => s.partySlug === mySlug);
  const anyConfirmed = m.sides.some((s) => s.confirmedAt);
  const failed = async (err: unknown) => {
    const info = errorInfo(err, t('common.networkError'));
    if (isConflict(info.code)) {
      await onReload();
      message.warning(t('items.ms.stale'));
    } else message.error(info.message);
  };

  const doConfirm = async () => {
    try {
      const after = await confirm.mutateAsync({ id: m.id, round: m.round });
      message.success(t(after.status === 'done' ? 'items.ms.completed' : 'items.ms.confirmed'));
      await refresh();
    } catch (err) {
      await failed(err);
    }
  };
  const doDelete = async () => {
    try {
      await remove.mutateAsync({ id: m.id, rowVersion: m.rowVersion });
      await refresh();
    } catch (err) {
      await failed(err);
    }
  };

  const state =
    m.status === 'done' ? (
      <Tag color="success" icon={<CheckCircleFilled />}>
        {t('items.ms.done')}
      </Tag>
    ) : m.overdue ? (
      <Tag color="error">{t('items.ms.overdue', { days: m.daysOverdue })}</Tag>
    ) : (
      <Tag color="processing">{t('items.ms.open')}</Tag>
    );

  return (
    <div data-testid="milestone" data-title={m.title} style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {m.title}
          </Typography.Text>
          <div style={{ fontSize: 13, color: m.overdue ? '#cf1322' : '#595959' }}>
            {t('items.ms.dueOn', { date: formatDate(m.dueDate, locale) })}
            {m.round > 1 && <span style={{ color: '#8c8c8c' }}> · {t('items.ms.round', { round: m.round })}</span>}
          </div>
        </div>
        <span data-testid="milestone-state">{state}</span>
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 6 }}>
        {ownSideFirst(m.sides, mySlug).map((s) => {
          const party = localName(locale, { nameZh: s.partyNameZh, nameEn: s.partyNameEn });
          return (
            <Flex key={s.partySlug} gap={6} align="baseline" wrap style={{ fontSize: 13 }} data-testid={`confirm-${s.partySlug}`}>
              {s.confirmedAt ? <CheckOutlined style={{ color: '#389e0d' }} /> : <ClockCircleOutlined style={{ color: '#8c8c8c' }} />}
              <span style={{ color: s.confirmedAt ? '#389e0d' : '#8c8c8c' }}>{t(s.confirmedAt ? 'items.ms.confirmedBy' : 'items.ms.waitingFor', { party })}</span>
              {s.confirmedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.confirmedBy ? `${personLabel(t, s.confirmedBy)} · ` : ''}{formatDateTime(s.confirmedAt)}
                </Typography.Text>
              )}
              {s.ownerName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  · {t('items.ms.ownerIs', { name: s.ownerName })}
                </Typography.Text>
              )}
            </Flex>
          );
        })}
      </Flex>
      {m.reopenReason && (
        <Typography.Paragraph type="warning" style={{ fontSize: 13, margin: '4px 0 0', overflowWrap: 'anywhere' }}>
          {t('items.ms.lastReopen', { reason: m.reopenReason })}
        </Typography.Paragraph>
      )}
      {canWrite && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {m.status === 'open' && mine && !mine.confirmedAt && (
            <Button type="primary" size="small" icon={<CheckOutlined />} loading={confirm.isPending} onClick={() => void doConfirm()}>
              {t('items.ms.confirm')}
            </Button>
          )}
          {(m.status === 'done' || anyConfirmed) && (
            <Button size="small" icon={<UndoOutlined />} onClick={onReopen}>
              {t('items.ms.reopen')}
            </Button>
          )}
          {canEditCore && m.status === 'open' && !anyConfirmed && (
            <Popconfirm title={t('common.deleteConfirm', { name: m.title })} onConfirm={() => void doDelete()}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('items.ms.delete')} />
            </Popconfirm>
          )}
        </Flex>
      )}
    </div>
  );
}
