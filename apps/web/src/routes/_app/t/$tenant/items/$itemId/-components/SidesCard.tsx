import { EditOutlined } from '@ant-design/icons';
import type { ItemPageDto } from '@uc/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { localName } from '@/lib/i18n.ts';
import { ownSideFirst } from '@/features/items/parties.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { SideEditModal } from './SideEditModal.tsx';

/** 一主体一责任人: each party's responsible person; a lead changes only their own side's. */
export function SidesCard({ page, onReload }: { page: ItemPageDto; onReload(): Promise<unknown> }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const { item, permissions } = page;
  const mySide = item.sides.find((s) => s.partySlug === permissions.mySlug);

  return (
    <Card size="small" title={t('items.sides.title')}>
      <Flex vertical gap={12}>
        {ownSideFirst(item.sides, permissions.mySlug).map((s) => (
          <div key={s.partySlug} data-testid={`side-${s.partySlug}`}>
            <Flex gap={4} wrap align="center">
              <Typography.Text strong>{localName(locale, { nameZh: s.partyNameZh, nameEn: s.partyNameEn })}</Typography.Text>
              {s.partySlug === item.leadSlug && <Tag color="red">{t('items.sides.leadTag')}</Tag>}
              {s.partySlug === permissions.mySlug && <Tag>{t('items.sides.mine')}</Tag>}
            </Flex>
            <div style={{ fontSize: 13, marginTop: 2 }}>
              {t('items.sides.responsible')}：{s.responsibleName || <Typography.Text type="secondary">{t('items.sides.none')}</Typography.Text>}
            </div>
            {s.responsibleContact && (
              <div style={{ fontSize: 13, color: '#595959', overflowWrap: 'anywhere' }}>
                {t('items.sides.contact')}：{s.responsibleContact}
              </div>
            )}
          </div>
        ))}
        {permissions.canWrite && mySide && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} block>
            {t('items.sides.editMine')}
          </Button>
        )}
      </Flex>
      {editing && mySide && <SideEditModal item={item} side={mySide} onReload={onReload} onClose={() => setEditing(false)} />}
    </Card>
  );
}
