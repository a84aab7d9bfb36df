import type { Health, JointItemStatus, JointKind, LabelDto } from '@uc/contracts';

// Labels the item panels carry in both languages (panels render without the web catalogue).
export const KIND_LABELS: Record<JointKind, LabelDto> = {
  programme: { zh: '思想共同引领', en: 'Joint programmes' },
  rights: { zh: '权益共同维护', en: 'Rights protection' },
  contest: { zh: '技能共同提升', en: 'Skills contests' },
  recuperation: { zh: '身心共同关爱', en: 'Recuperation' },
  project: { zh: '项目共同研究', en: 'Joint projects' },
};
export const STATUS_LABELS: Record<JointItemStatus, LabelDto> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '推进中', en: 'In progress' },
  done: { zh: '完成', en: 'Done' },
  delayed: { zh: '延期', en: 'Delayed' },
  cancelled: { zh: '取消', en: 'Cancelled' },
};
export const HEALTH_LABELS: Record<Health, LabelDto> = {
  on_track: { zh: '进展正常', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  off_track: { zh: '严重滞后', en: 'Off track' },
};
