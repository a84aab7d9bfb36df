import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { AgreementDto } from '@uc/contracts';
import { Flex, List, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/dates.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale, useT } from '@/lib/locale.ts';
import { partyState, type PartyState } from '@/routes/_app/t/$tenant/agreements/-components/lifecycle.ts';
import { personLabel } from '@/components/Person.tsx';

const ICON: Record<PartyState, React.ReactNode> = {
  signed: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  declined: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  pending: <ClockCircleOutlined style={{ color: '#faad14' }} />,
  none: <MinusCircleOutlined style={{ color: '#bfbfbf' }} />,
};
const COLOR: Record<PartyState, string> = { signed: 'success', declined: 'error', pending: 'warning', none: 'default' };

/** Each party on the current version: who signed (user, time), who declined and why, who is still to sign. */
export function PartySignatures({ agreement: a }: { agreement: AgreementDto }) {
  const t = useT();
  const locale = useLocale();
  return (
    <List
      dataSource={a.parties}
      renderItem={(p) => {
        const state = partyState(a, p);
        const s = p.signature;
        return (
          <List.Item data-testid={`party-${p.slug}`} data-state={state} style={{ display: 'block' }}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                {ICON[state]}
                <Typography.Text strong>{localName(locale, p)}</Typography.Text>
                {p.role === 'initiator' && <Tag bordered={false}>{t('agreements.initiator')}</Tag>}
              </Flex>
              <Tag color={COLOR[state]} style={{ marginInlineEnd: 0 }}>
                {t(`agreements.party.${state}`)}
              </Tag>
            </Flex>
            {s && (
              <div style={{ marginTop: 4, marginInlineStart: 22, fontSize: 13, color: '#595959', overflowWrap: 'anywhere' }}>
                {t('agreements.party.decidedBy', { by: personLabel(t, s.by), at: formatDateTime(s.at) })}
                {s.reason && <div>{t('agreements.party.reason', { reason: s.reason })}</div>}
              </div>
            )}
          </List.Item>
        );
      }}
    />
  );
}
