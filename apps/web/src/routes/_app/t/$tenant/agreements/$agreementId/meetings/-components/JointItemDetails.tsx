import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { AgreementDto, JointItemDto } from '@uc/contracts';
import { Descriptions, Skeleton, Tag } from 'antd';
import { useTenant } from '@/components/session.ts';
import { formatDate } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';

/** The joint item a decision became: title (opening the item), kind, lead, dates and status. */
export function JointItemDetails({ item, agreement }: { item: JointItemDto; agreement: AgreementDto }) {
  const t = useT();
  const locale = useLocale();
  const { slug } = useTenant();
  const lead = agreement.parties.find((p) => p.slug === item.leadSlug);
  return (
    <Descriptions size="small" column={1} bordered data-testid="joint-item" styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
      <Descriptions.Item label={t('meetings.itemTitle')}>
        <Link to="/t/$tenant/items/$itemId" params={{ tenant: slug, itemId: item.id }}>
          {item.title}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('meetings.itemKind')}>{t(`meetings.kind.${item.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('meetings.itemLead')}>{lead ? localName(locale, lead) : item.leadSlug}</Descriptions.Item>
      <Descriptions.Item label={t('meetings.itemDates')}>
        {formatDate(item.startDate, locale)} – {formatDate(item.endDate, locale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('meetings.itemStatus')}>
        <Tag>{t(`meetings.itemStatus.${item.status}`)}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The item of a decision already turned into one, loaded by its id. */
export function ConvertedItem({ itemId, agreement }: { itemId: string; agreement: AgreementDto }) {
  const { api } = useTenant();
  const { data } = useQuery(api.jointItem.get.queryOptions({ id: itemId }));
  return data ? <JointItemDetails item={data} agreement={agreement} /> : <Skeleton active paragraph={{ rows: 2 }} title={false} />;
}
