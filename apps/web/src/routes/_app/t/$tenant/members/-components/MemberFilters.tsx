import { useSuspenseQuery } from '@tanstack/react-query';
import { HONOUR_KINDS } from '@uc/contracts';
import { Button, Col, Input, Row, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions } from '@/lib/orgTree.ts';
import type { MemberSearch } from '../index.tsx';

type Filters = Pick<MemberSearch, 'q' | 'orgUnitId' | 'honour'>;

/** Search by name, mobile or ID number; narrow to a unit (with its sub-units) or an honour. */
export function MemberFilters({ search, onChange }: { search: MemberSearch; onChange(patch: Filters): void }) {
  const t = useT();
  const { api } = useTenant();
  const { data: units } = useSuspenseQuery(api.orgUnit.list.queryOptions());
  const options = useMemo(() => orgTreeOptions(buildOrgTree(units)), [units]);
  const [q, setQ] = useState(search.q ?? '');
  const filtered = Boolean(search.q || search.orgUnitId || search.honour);

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={9}>
        <Input.Search
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          placeholder={t('members.searchPlaceholder')}
          allowClear
          enterButton
          maxLength={50}
          aria-label={t('members.searchPlaceholder')}
        />
      </Col>
      <Col xs={24} sm={12} md={7}>
        <TreeSelect
          value={search.orgUnitId}
          onChange={(orgUnitId?: string) => onChange({ orgUnitId })}
          treeData={options}
          treeDefaultExpandedKeys={options.map((o) => o.value)}
          placeholder={t('members.filterOrgUnit')}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: '100%' }}
          aria-label={t('members.filterOrgUnit')}
        />
      </Col>
      <Col xs={16} sm={8} md={5}>
        <Select
          value={search.honour}
          onChange={(honour?: Filters['honour']) => onChange({ honour })}
          options={HONOUR_KINDS.map((k) => ({ value: k, label: t(`honour.${k}`) }))}
          placeholder={t('members.filterHonour')}
          allowClear
          style={{ width: '100%' }}
          aria-label={t('members.filterHonour')}
        />
      </Col>
      <Col xs={8} sm={4} md={3}>
        <Button
          block
          disabled={!filtered}
          onClick={() => {
            setQ('');
            onChange({ q: undefined, orgUnitId: undefined, honour: undefined });
          }}
        >
          {t('common.reset')}
        </Button>
      </Col>
    </Row>
  );
}
