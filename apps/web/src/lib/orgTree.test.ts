import type { OrgUnitDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { buildOrgTree, orgTreeOptions, subtreeIds } from './orgTree.ts';

const unit = (id: string, parentId: string | null, memberCount = 0, sortOrder = 0): OrgUnitDto => ({
  id,
  parentId,
  name: id,
  code: null,
  kind: parentId ? 'district' : 'city',
  sortOrder,
  version: 1,
  memberCount,
});

const units = [unit('city', null, 1), unit('b', 'city', 2, 2), unit('a', 'city', 3, 1), unit('a1', 'a', 4)];

describe('buildOrgTree', () => {
  it('nests units under their parents in sort order and adds up members', () => {
    const [root] = buildOrgTree(units);
    expect(root?.children?.map((c) => c.id)).toEqual(['a', 'b']);
    expect(root?.totalMembers).toBe(10);
    expect(root?.children?.[1]?.children).toBeUndefined();
  });
});

describe('subtreeIds', () => {
  it('collects a unit and all below it', () => {
    expect([...subtreeIds(units, 'a')].sort()).toEqual(['a', 'a1']);
  });
});

describe('orgTreeOptions', () => {
  it('disables the units a move may not target', () => {
    const options = orgTreeOptions(buildOrgTree(units), new Set(['a']));
    expect(options[0]?.children?.[0]).toMatchObject({ value: 'a', disabled: true });
  });
});
