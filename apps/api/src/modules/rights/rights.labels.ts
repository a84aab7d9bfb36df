import type { ClockKind, DisputeKind, HourClockKind, ReferralStep } from '@uc/contracts';

// Bilingual labels of the rights module, for notices, panels and files.

type Label = { zh: string; en: string };

export const DISPUTE_LABELS: Record<DisputeKind, Label> = {
  wage_arrears: { zh: '欠薪', en: 'wage arrears' },
  work_injury: { zh: '工伤', en: 'work injury' },
  labour_contract: { zh: '劳动合同', en: 'labour contract' },
  social_insurance: { zh: '社会保险', en: 'social insurance' },
};

export const STEP_LABELS: Record<ReferralStep, Label> = {
  submit: { zh: '转办', en: 'refer' },
  accept: { zh: '受理', en: 'accept' },
  return: { zh: '退回', en: 'return' },
  resubmit: { zh: '重新转办', en: 're-send' },
  start: { zh: '指派办理', en: 'assign' },
  action: { zh: '记录办理情况', en: 'record an action' },
  hold: { zh: '暂停（等待材料）', en: 'put on hold' },
  resume: { zh: '恢复办理', en: 'resume' },
  resolve: { zh: '办结', en: 'resolve' },
  follow_up: { zh: '回访', en: 'follow up' },
  archive: { zh: '归档', en: 'archive' },
  request_transfer: { zh: '申请移交', en: 'ask to transfer' },
  decline_transfer: { zh: '不同意移交', en: 'decline the transfer' },
  transfer: { zh: '移交', en: 'transfer' },
  consent_withdrawn: { zh: '撤回授权', en: 'consent withdrawn' },
};

export const CLOCK_LABELS: Record<ClockKind, Label> = {
  accept: { zh: '受理', en: 'accept' },
  respond: { zh: '首次响应', en: 'first response' },
  resolve: { zh: '办结', en: 'resolve' },
  follow_up: { zh: '回访', en: 'follow-up' },
};

/** The hotline's hour clocks (0055), named apart from the day clocks (首次响应 is also a day clock). */
export const HOUR_CLOCK_LABELS: Record<HourClockKind, Label> = {
  dispatch: { zh: '热线派单', en: 'hotline dispatch' },
  first_response: { zh: '热线首次响应', en: 'hotline first response' },
  hotline_follow_up: { zh: '热线回访', en: 'hotline follow-up' },
};

/** A budget in minutes as people say it: 30 分钟, 2 小时, 1 小时 30 分钟. */
export function minutesLabel(minutes: number): Label {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return {
    zh: [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' '),
    en: [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' '),
  };
}
