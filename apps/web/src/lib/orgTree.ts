import type { OrgUnitDto } from '@uc/contracts';

export interface OrgNode extends OrgUnitDto {
  children?: OrgNode[];
  /** members of this unit and every unit below it */
  totalMembers: number;
}

const byOrder = (a: OrgUnitDto, b: OrgUnitDto) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');

/** The flat list the API returns, as a tree (roots first); leaves have no children array, so tables show no expander. */
export function buildOrgTree(units: OrgUnitDto[]): OrgNode[] {
  const childrenOf = new Map<string | null, OrgUnitDto[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    // a unit whose parent is missing from the list is shown as a root rather than lost
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), u]);
  }
  const build = (unit: OrgUnitDto): OrgNode => {
    const kids = (childrenOf.get(unit.id) ?? []).sort(byOrder).map(build);
    const totalMembers = unit.memberCount + kids.reduce((n, k) => n + k.totalMembers, 0);
    return kids.length ? { ...unit, children: kids, totalMembers } : { ...unit, totalMembers };
  };
  return (childrenOf.get(null) ?? []).sort(byOrder).map(build);
}

/** The ids of a unit and everything below it (a unit cannot move under any of them). */
export function subtreeIds(units: OrgUnitDto[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

/** Options for an AntD TreeSelect; units in `disabled` cannot be picked. */
export function orgTreeOptions(nodes: OrgNode[], disabled: Set<string> = new Set()): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    ...(disabled.has(n.id) ? { disabled: true } : {}),
    ...(n.children ? { children: orgTreeOptions(n.children, disabled) } : {}),
  }));
}
