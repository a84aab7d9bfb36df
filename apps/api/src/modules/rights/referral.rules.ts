import type { ReferralStatus, ReferralStep } from '@uc/contracts';

// The referral's state machine (DOMAIN §3.2; FHIR Task-like): which step may follow which status,
// which side takes it, and the status it leads to. Pure; referral.rules.test.ts covers it.
//
//   submitted ─accept→ accepted ─start→ in_progress ─resolve→ resolved ─follow_up→ followed_up ─archive→ archived
//       │  ↑               │  ⇅ hold/resume  ⇅ hold/resume
//   return  resubmit/transfer (A)           on_hold
//       ↓  │
//    returned ─archive→ archived

export type Side = 'referrer' | 'performer';

interface StepRule {
  from: readonly ReferralStatus[];
  /** 'same': the status does not change (an action, a withdrawal); 'before_hold': back to where the hold began */
  to: ReferralStatus | 'same' | 'before_hold';
  side: Side;
}

const OPEN: readonly ReferralStatus[] = ['submitted', 'accepted', 'returned', 'in_progress', 'on_hold'];

export const STEP_RULES: Record<ReferralStep, StepRule> = {
  submit: { from: [], to: 'submitted', side: 'referrer' },
  accept: { from: ['submitted'], to: 'accepted', side: 'performer' },
  return: { from: ['submitted', 'accepted'], to: 'returned', side: 'performer' },
  resubmit: { from: ['returned'], to: 'submitted', side: 'referrer' },
  start: { from: ['accepted'], to: 'in_progress', side: 'performer' },
  action: { from: ['in_progress'], to: 'same', side: 'performer' },
  hold: { from: ['accepted', 'in_progress'], to: 'on_hold', side: 'performer' },
  resume: { from: ['on_hold'], to: 'before_hold', side: 'performer' },
  resolve: { from: ['in_progress'], to: 'resolved', side: 'performer' },
  follow_up: { from: ['resolved'], to: 'followed_up', side: 'referrer' },
  archive: { from: ['followed_up', 'returned'], to: 'archived', side: 'referrer' },
  // the performer asks for a transfer to a third federation; the referrer declines it, or approves
  // it by transferring (also possible on its own, e.g. after a return). A request is pending while
  // neither answer, a return nor a resolution followed it (pendingTransferRequest).
  request_transfer: { from: ['accepted', 'in_progress', 'on_hold'], to: 'same', side: 'performer' },
  decline_transfer: { from: OPEN, to: 'same', side: 'referrer' },
  transfer: { from: OPEN, to: 'submitted', side: 'referrer' },
  consent_withdrawn: { from: [...OPEN, 'resolved', 'followed_up', 'archived'], to: 'same', side: 'referrer' },
};

export type StepCheck = { ok: true; to: ReferralStatus } | { ok: false; reason: 'wrong_side' | 'wrong_state' };

/** Whether `side` may take `step` from `status`, and the status it leads to (beforeHold: the status the current hold began in). */
export function checkStep(step: ReferralStep, status: ReferralStatus, side: Side, beforeHold: ReferralStatus | null = null): StepCheck {
  const rule = STEP_RULES[step];
  if (rule.side !== side) return { ok: false, reason: 'wrong_side' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_state' };
  if (rule.to === 'same') return { ok: true, to: status };
  if (rule.to === 'before_hold') return beforeHold ? { ok: true, to: beforeHold } : { ok: false, reason: 'wrong_state' };
  return { ok: true, to: rule.to };
}

/** The steps `side` may take now (for the buttons a client shows). */
export function stepsFor(status: ReferralStatus, side: Side): ReferralStep[] {
  return (Object.keys(STEP_RULES) as ReferralStep[]).filter((s) => s !== 'submit' && s !== 'consent_withdrawn' && STEP_RULES[s].side === side && STEP_RULES[s].from.includes(status));
}

/** Steps that settle a pending transfer request: an answer, or the performer giving the case back or closing it. */
const SETTLES_TRANSFER_REQUEST: readonly string[] = ['decline_transfer', 'transfer', 'return', 'resolve'];

/** The performer's transfer request still waiting for the referrer, derived from the referral's events (in order). */
export function pendingTransferRequest<E extends { type: string }>(events: readonly E[]): E | null {
  let pending: E | null = null;
  for (const e of events) {
    if (e.type === 'request_transfer') pending = e;
    else if (SETTLES_TRANSFER_REQUEST.includes(e.type)) pending = null;
  }
  return pending;
}

export const isOpen = (s: ReferralStatus) => OPEN.includes(s) || s === 'resolved';
