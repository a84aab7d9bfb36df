import { agreementShownStatus, type AgreementSummaryDto } from '@uc/contracts';
import { toDateString } from '@/lib/dates.ts';
import dayjs from 'dayjs';
import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';
import { STATUS_COLOR } from './lifecycle.ts';

/** 已生效 (待生效 before its term, 已到期 after it: derived from the dates), plus 修订协商中 / 修订签署中 while an amendment of it is under way. */
export function StatusTag({ agreement: a, testId }: { agreement: Pick<AgreementSummaryDto, 'status' | 'amendment' | 'termStart' | 'termEnd'>; testId?: string }) {
  const t = useT();
  const shown = agreementShownStatus(a, toDateString(dayjs().tz('Asia/Shanghai')));
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      <Tag color={shown === 'pending' ? 'cyan' : STATUS_COLOR[shown]} style={{ marginInlineEnd: a.amendment ? 4 : 0 }}>
        {t(`agreementStatus.${shown}`)}
      </Tag>
      {a.amendment && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t(`agreements.amendment.${a.amendment}`)}
        </Tag>
      )}
    </span>
  );
}
