import type { Role } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '../lib/locale.ts';

const COLOR: Record<Role, string> = {
  admin: 'red',
  signatory: 'gold',
  lead: 'blue',
  officer: 'cyan',
  judge: 'purple',
  caseworker: 'green',
  member: 'default',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={COLOR[r]} style={{ marginInlineEnd: 4 }}>
          {t(`role.${r}`)}
        </Tag>
      ))}
    </>
  );
}
