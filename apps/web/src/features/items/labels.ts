import { JOINT_KINDS, JOINT_ITEM_STATUSES } from '@uc/contracts';

// Colours that mean the same on every items screen and chart: grey waits, blue moves, green is
// done or fine, orange is late or at risk, red is off track.
export const STATUS_COLOR = {
  not_started: '#bfbfbf',
  in_progress: '#1f63d6',
  done: '#389e0d',
  delayed: '#fa8c16',
  cancelled: '#8c8c8c',
} as const satisfies Record<(typeof JOINT_ITEM_STATUSES)[number], string>;

/** AntD Tag colours for the same statuses */
export const STATUS_TAG = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  delayed: 'warning',
  cancelled: 'default',
} as const satisfies Record<(typeof JOINT_ITEM_STATUSES)[number], string>;

export const HEALTH_VALUES = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTH_VALUES)[number];

export const HEALTH_COLOR = { on_track: '#52c41a', at_risk: '#faad14', off_track: '#f5222d' } as const satisfies Record<Health, string>;
export const HEALTH_TAG = { on_track: 'success', at_risk: 'warning', off_track: 'error' } as const satisfies Record<Health, string>;

export const KIND_COLOR = {
  programme: '#b3201e',
  rights: '#1f63d6',
  contest: '#d48806',
  recuperation: '#08979c',
  project: '#722ed1',
} as const satisfies Record<(typeof JOINT_KINDS)[number], string>;

export { JOINT_KINDS, JOINT_ITEM_STATUSES };
