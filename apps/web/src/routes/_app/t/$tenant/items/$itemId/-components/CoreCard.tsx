import type { ItemPageDto } from '@uc/contracts';
import { Card, Descriptions, Grid, Typography } from 'antd';
import { partyName } from '@/features/items/parties.ts';
import { formatDate } from '@/lib/dates.ts';
import { useLocale, useT } from '@/lib/locale.ts';

/** The item's core fields, as the lead federation keeps them. */
export function CoreCard({ page }: { page: ItemPageDto }) {
  const t = useT();
  const locale = useLocale();
  const { md } = Grid.useBreakpoint();
  const { item } = page;
  const addedBy = `${partyName(item.sides, item.createdBySlug, locale)}${item.createdByLabel ? ` · ${item.createdByLabel}` : ''}`;
  const rows = [
    { key: 'lead', label: t('items.field.lead'), children: partyName(item.sides, item.leadSlug, locale) },
    { key: 'period', label: t('items.field.period'), children: `${formatDate(item.startDate, locale)} – ${formatDate(item.endDate, locale)}` },
    { key: 'kind', label: t('items.field.kind'), children: t(`items.kind.${item.kind}`) },
    ...(item.phase ? [{ key: 'phase', label: t('items.field.phase'), children: t(`items.phase.${item.phase}`) }] : []),
    { key: 'source', label: t('items.field.source'), children: t(`items.source.${item.source}`) + (item.sourceRef ? ` · ${item.sourceRef}` : '') },
    { key: 'addedBy', label: t('items.field.addedBy'), children: addedBy },
    ...(item.statusReason ? [{ key: 'reason', label: t('items.field.statusReason'), children: item.statusReason, span: 2 }] : []),
    {
      key: 'description',
      label: t('items.field.description'),
      span: 2,
      children: item.description ? (
        <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.description}</span>
      ) : (
        <Typography.Text type="secondary">{t('items.field.noDescription')}</Typography.Text>
      ),
    },
  ];
  return (
    <Card size="small" title={t('items.core.title')}>
      <Descriptions size="small" column={md === false ? 1 : 2} items={rows} />
      {!page.permissions.canEditCore && page.permissions.canWrite && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('items.coreOnlyLead')}
        </Typography.Text>
      )}
    </Card>
  );
}
