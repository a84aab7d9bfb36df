import type { NotificationDto } from '@uc/contracts';
import { Badge, Empty, Flex, List, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { formatDateTime } from '@/lib/dates.ts';
import { useT } from '@/lib/locale.ts';
import { inAppPath, noticeGroup } from './notices.ts';

const GROUP_COLOR = { agreement: 'blue', meeting: 'purple', item: 'cyan', booking: 'green', other: 'default' } as const;

/** Whether the click asks the browser for a new tab or window, which it should be left to do. */
const wantsNewTab = (e: MouseEvent) => e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;

/**
 * The notices as a list; each is a real link to its page (so a new tab works too), and opening one
 * marks it read through onOpen, which also navigates inside the app.
 */
export function NoticeList({ items, emptyText, onOpen }: { items: NotificationDto[]; emptyText: string; onOpen(n: NotificationDto, path: string | null): void }) {
  const t = useT();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} style={{ padding: '32px 0' }} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={items}
      rowKey="id"
      renderItem={(n) => {
        const path = inAppPath(n.link, window.location.origin);
        const group = noticeGroup(n.kind);
        const open = (e: MouseEvent) => {
          if (path && wantsNewTab(e)) return;
          e.preventDefault();
          onOpen(n, path);
        };
        return (
          <List.Item style={{ padding: 0 }}>
            <a
              href={path ?? '#'}
              onClick={open}
              data-testid="notice"
              data-unread={!n.read}
              style={{ display: 'block', padding: '12px 16px', color: 'inherit', background: n.read ? undefined : '#f0f6ff' }}
            >
              <Flex gap={8} align="baseline" wrap>
                {!n.read && <Badge status="processing" aria-label={t('notifications.unread')} />}
                <Tag color={GROUP_COLOR[group]} style={{ marginInlineEnd: 0 }}>
                  {t(`notifications.kind.${group}`)}
                </Tag>
                <Typography.Text strong={!n.read} style={{ flex: '1 1 200px', minWidth: 0, overflowWrap: 'anywhere' }}>
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', overflowWrap: 'anywhere' }}>
                {n.body}
              </Typography.Paragraph>
            </a>
          </List.Item>
        );
      }}
    />
  );
}
