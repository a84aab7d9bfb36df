import type { OrgUnitDto } from '@uc/contracts';

type Kind = OrgUnitDto['kind'];

/** What usually sits below a unit of each kind (市总 → 区县 → 镇街 → 基层). */
export const CHILD_KIND: Record<Kind, Kind> = {
  city: 'district',
  district: 'street',
  industry: 'grassroots',
  street: 'grassroots',
  grassroots: 'grassroots',
};

export const KIND_COLOR: Record<Kind, string> = {
  city: 'red',
  district: 'blue',
  industry: 'purple',
  street: 'cyan',
  grassroots: 'default',
};
