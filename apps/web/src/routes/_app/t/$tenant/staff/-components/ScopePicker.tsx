import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTenant } from '@/components/session.ts';
import { useT } from '@/lib/locale.ts';
import { buildOrgTree, orgTreeOptions } from '@/lib/orgTree.ts';

/**
 * The scope of a staff membership: an org unit of the federation (and the units below it) the person
 * acts for; empty = the whole federation. A form control (value/onChange from Form.Item).
 */
export function ScopePicker({ value, onChange }: { value?: string | null; onChange?(v: string | null): void }) {
  const t = useT();
  const { api } = useTenant();
  const units = useQuery(api.orgUnit.list.queryOptions());
  const options = useMemo(() => orgTreeOptions(buildOrgTree(units.data ?? [])), [units.data]);
  return (
    <TreeSelect
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      loading={units.isPending}
      treeData={options}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('staff.scopeAll')}
      aria-label={t('staff.scope')}
      style={{ width: '100%' }}
    />
  );
}
