import type { Health, JointItemStatus, JointKind, ProjectPhase } from '@uc/contracts';
import { Tag } from 'antd';
import { useT } from '@/lib/locale.ts';
import { attentionReasons, type AttentionFacts, type AttentionReason } from './attention.ts';
import { HEALTH_TAG, KIND_COLOR, STATUS_TAG } from './labels.ts';

const tagStyle = { marginInlineEnd: 4, marginBlock: 2 };

export function KindTag({ kind }: { kind: JointKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLOR[kind]} variant="outlined" style={tagStyle}>
      {t(`items.kind.${kind}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: JointItemStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_TAG[status]} style={tagStyle} data-testid="item-status">
      {t(`items.status.${status}`)}
    </Tag>
  );
}

/** the latest update's health; a grey tag before any update */
export function HealthTag({ health }: { health: Health | null }) {
  const t = useT();
  return (
    <Tag color={health ? HEALTH_TAG[health] : 'default'} style={tagStyle} data-testid="item-health">
      {t(health ? `items.health.${health}` : 'items.health.none')}
    </Tag>
  );
}

export function PhaseTag({ phase }: { phase: ProjectPhase | null }) {
  const t = useT();
  return phase ? (
    <Tag color="purple" style={tagStyle}>
      {t(`items.phase.${phase}`)}
    </Tag>
  ) : null;
}

/** why an item needs attention (逾期, 存在风险…), strongest first; `omit` what other tags beside it already say */
export function AttentionTags({ facts, today, omit = [] }: { facts: AttentionFacts; today: string; omit?: readonly AttentionReason[] }) {
  const t = useT();
  return attentionReasons(facts, today)
    .filter((reason) => !omit.includes(reason))
    .map((reason) => {
      const color = reason === 'overdue' || reason === 'offTrack' ? 'red' : reason === 'dueSoon' || reason === 'awaitingMe' ? 'blue' : 'orange';
      return (
        <Tag key={reason} color={color} variant="filled" style={tagStyle} data-testid={`attention-${reason}`}>
          {t(`items.attention.${reason}`, { count: facts.overdueMilestones })}
        </Tag>
      );
    });
}
