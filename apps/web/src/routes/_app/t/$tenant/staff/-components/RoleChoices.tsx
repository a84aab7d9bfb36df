import { STAFF_ROLES, type StaffRole } from '@uc/contracts';
import { Checkbox, Flex, Typography } from 'antd';
import { useT } from '@/lib/locale.ts';

/** The staff roles as checkboxes, each with what it allows. */
export function RoleChoices({ value, onChange }: { value?: StaffRole[]; onChange?: (roles: StaffRole[]) => void }) {
  const t = useT();
  return (
    <Checkbox.Group value={value} onChange={(v) => onChange?.(v as StaffRole[])} style={{ width: '100%' }}>
      <Flex vertical gap={8}>
        {STAFF_ROLES.map((r) => (
          <Checkbox key={r} value={r}>
            {t(`role.${r}`)}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
              {t(`role.${r}.hint`)}
            </Typography.Text>
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
