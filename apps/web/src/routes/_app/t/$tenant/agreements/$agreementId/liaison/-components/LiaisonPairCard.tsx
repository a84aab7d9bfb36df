import { DeleteOutlined, EditOutlined, MailOutlined, PhoneOutlined, SwapOutlined } from '@ant-design/icons';
import type { LiaisonPairDto } from '@uc/contracts';
import { Button, Card, Flex, Grid, Popconfirm, Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { isBlankContact, type LiaisonContact } from './liaison.ts';

/** One side of a pair: its federation, department and named contact, with phone and email to tap. */
function ContactSide({ c, own }: { c: LiaisonContact; own: boolean }) {
  const t = useT();
  const locale = useLocale();
  const party = localName(locale, { nameZh: c.partyNameZh, nameEn: c.partyNameEn });
  return (
    <div data-testid={`liaison-side-${c.partySlug}`} style={{ flex: '1 1 220px', minWidth: 0, padding: 12, borderRadius: 6, background: own ? '#f0f6ff' : '#fafafa' }}>
      <Flex gap={6} align="center" wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{party}</Typography.Text>
        {own && <Tag color="blue">{t('liaison.ours')}</Tag>}
      </Flex>
      {isBlankContact(c) ? (
        <Typography.Text type="secondary">{t('liaison.notFilled', { party })}</Typography.Text>
      ) : (
        <Flex vertical gap={2} style={{ overflowWrap: 'anywhere' }}>
          {c.unitName && <Typography.Text>{c.unitName}</Typography.Text>}
          {(c.contactName || c.title) && (
            <Typography.Text>
              {c.contactName}
              {c.title && <Typography.Text type="secondary"> · {c.title}</Typography.Text>}
            </Typography.Text>
          )}
          {c.phone && (
            <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>
              <PhoneOutlined /> {c.phone}
            </a>
          )}
          {c.email && (
            <a href={`mailto:${c.email}`}>
              <MailOutlined /> {c.email}
            </a>
          )}
        </Flex>
      )}
    </div>
  );
}

/** A liaison pair: the level, each party's side next to the other's, and our own actions. */
export function LiaisonPairCard({
  pair,
  slug,
  canManage,
  onEdit,
  onDelete,
}: {
  pair: LiaisonPairDto;
  slug: string;
  canManage: boolean;
  onEdit(): void;
  onDelete(): Promise<unknown>;
}) {
  const t = useT();
  const { md } = Grid.useBreakpoint();
  const level = t(`liaison.level.${pair.level}`);
  const editable = pair.contacts.some((c) => c.partySlug === slug && c.editable);
  return (
    <Card
      size="small"
      data-testid="liaison-pair"
      title={level}
      extra={
        (editable || canManage) && (
          <Space size={0}>
            {editable && (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
                {t('liaison.editOwn')}
              </Button>
            )}
            {canManage && (
              <Popconfirm title={t('liaison.deleteConfirm', { level })} okButtonProps={{ danger: true }} onConfirm={() => onDelete().catch(() => undefined)}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <Flex gap={8} wrap align="stretch">
        {pair.contacts.map((c, i) => (
          <Fragment key={c.partySlug}>
            {/* the ↔ between the two sides, where they stand side by side */}
            {i > 0 && md && pair.contacts.length === 2 && <SwapOutlined style={{ alignSelf: 'center', color: '#8c8c8c' }} />}
            <ContactSide c={c} own={c.partySlug === slug} />
          </Fragment>
        ))}
      </Flex>
    </Card>
  );
}
