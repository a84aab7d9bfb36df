import type { MemberDto } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';

export const HONOUR_COLOR: Record<MemberDto['honours'][number]['kind'], string> = {
  model_worker: 'red',
  may_day_medal: 'volcano',
  skilled_worker: 'blue',
  frontline: 'green',
};

/** One tag per kind of honour the member holds. */
export function HonourTags({ honours }: { honours: MemberDto['honours'] }) {
  const t = useT();
  const kinds = [...new Set(honours.map((h) => h.kind))];
  return (
    <>
      {kinds.map((k) => (
        <Tag key={k} color={HONOUR_COLOR[k]} style={{ marginInlineEnd: 4 }}>
          {t(`honour.${k}`)}
        </Tag>
      ))}
    </>
  );
}
