import { InfoCircleOutlined } from '@ant-design/icons';
import type { JointItemDto } from '@uc/contracts';
import { Card, Flex, Grid, Progress, Tooltip, Typography } from 'antd';
import { STATUS_COLOR } from '@/features/items/labels.ts';
import { useT } from '@/lib/locale.ts';

/**
 * Progress as milestones both sides confirmed; never typed by hand. Drawn in the side column on a
 * desktop and at the top on a phone (`phone` says which of the two places this one is).
 */
export function ProgressCard({ item, phone = false }: { item: JointItemDto; phone?: boolean }) {
  const t = useT();
  const { lg } = Grid.useBreakpoint();
  const narrow = lg === false;
  if (phone !== narrow) return null;
  const { done, total, percent } = item.progress;
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('items.progress.title')}
          <Tooltip title={t('items.progress.derived')}>
            <InfoCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('items.progress.derived')} />
          </Tooltip>
        </Flex>
      }
    >
      <Flex align="center" gap={16} data-testid="item-progress">
        <Progress type="circle" percent={percent} size={narrow ? 64 : 88} strokeColor={item.status === 'done' ? STATUS_COLOR.done : undefined} />
        <div>
          <Typography.Text strong>{t('items.progress.of', { done, total })}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
            {t('items.progress.derived')}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Card>
  );
}
