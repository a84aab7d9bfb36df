import { personText, type PersonRef } from '@uc/contracts';
import { Typography } from 'antd';
import { useT, type TFunction } from '../lib/locale.ts';

/** "张伟（杭州市总工会 常务副主席）", or 系统: for text that interpolates a person. */
export function personLabel(t: TFunction, p: PersonRef): string {
  return personText(p, t('person.system'));
}

/**
 * The one way a page names a person (issue 16): 姓名, then 单位 · 职务 in secondary text; the system
 * as 系统. Never a login email.
 */
export function Person({ value, inline = false }: { value: PersonRef; inline?: boolean }) {
  const t = useT();
  if (value.kind === 'system') return <span data-testid="person">{t('person.system')}</span>;
  const detail = [value.unit, value.title].filter(Boolean).join(' · ');
  return (
    <span data-testid="person" style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text strong={!inline}>{value.name}</Typography.Text>
      {detail && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: inline ? undefined : 12 }}>
          {inline ? `（${detail}）` : detail}
        </Typography.Text>
      )}
    </span>
  );
}
