import type { AgreementSummaryDto } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '../../../../../../lib/locale.ts';
import { STATUS_COLOR } from './lifecycle.ts';

/** 已生效, plus 修订协商中 / 修订签署中 while an amendment of it is under way. */
export function StatusTag({ agreement: a, testId }: { agreement: Pick<AgreementSummaryDto, 'status' | 'amendment'>; testId?: string }) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      <Tag color={STATUS_COLOR[a.status]} style={{ marginInlineEnd: a.amendment ? 4 : 0 }}>
        {t(`agreementStatus.${a.status}`)}
      </Tag>
      {a.amendment && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t(`agreements.amendment.${a.amendment}`)}
        </Tag>
      )}
    </span>
  );
}
