import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { CatalogBatchDto } from '@uc/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';

type Base = CatalogBatchDto['bases'][number];

/**
 * A base: where it is, its certification, what it offers. Photos are links, not images: they live
 * on other sites and a member on a slow connection opens only those they want.
 */
export function BaseInfo({ base }: { base: Base }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card size="small" title={base.name} style={{ marginTop: 12 }} extra={<Typography.Text type="secondary">{base.city}</Typography.Text>}>
      <Flex vertical gap={6}>
        <div>
          <Tag icon={<SafetyCertificateOutlined />} color={base.certified ? 'red' : 'default'} style={{ whiteSpace: 'normal' }}>
            {t('booking.batch.certified', { level: t(`recuperation.level.${base.certificationLevel}`), date: formatDate(base.certifiedUntil, locale) })}
          </Tag>
        </div>
        {base.address && (
          <Typography.Text type="secondary">
            {t('booking.batch.address')}：{base.address}
          </Typography.Text>
        )}
        {base.facilities.length > 0 && (
          <Flex wrap gap={4}>
            {base.facilities.map((f) => (
              <Tag key={f} style={{ marginInlineEnd: 0 }}>
                {f}
              </Tag>
            ))}
          </Flex>
        )}
        {base.description && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-line' }}>{base.description}</Typography.Paragraph>}
        {base.photos.length > 0 && (
          <Flex wrap gap={12}>
            {base.photos.map((url, i) => (
              <Typography.Link key={url} href={url} target="_blank" rel="noopener noreferrer">
                {t('booking.batch.photo', { n: i + 1 })}
              </Typography.Link>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
