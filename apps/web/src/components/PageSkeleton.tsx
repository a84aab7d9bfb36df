import { Card, Skeleton } from 'antd';

/** What a page shows while its data loads. */
export function PageSkeleton() {
  return (
    <Card variant="borderless">
      <Skeleton active title paragraph={{ rows: 6 }} />
    </Card>
  );
}
