import { DUE_SOON_DAYS } from '@uc/contracts';

/**
 * "What needs attention first" for a project lead's list: overdue work, then health, then what
 * waits on the reader's own side, then what falls due soonest. Items that are finished sink.
 */
export interface AttentionFacts {
  status: 'not_started' | 'in_progress' | 'done' | 'delayed' | 'cancelled';
  /** the latest progress update's health; null before any update */
  health: 'on_track' | 'at_risk' | 'off_track' | null;
  overdueMilestones: number;
  /** the earliest due date (YYYY-MM-DD) among open milestones: the oldest overdue one when any is late */
  nextDueDate: string | null;
  /** open milestones the other side has confirmed in the current round and the reader's side has not */
  awaitingMyConfirmation: number;
}

const HEALTH_WEIGHT = { off_track: 2, at_risk: 1, on_track: 0 } as const;

/** Days from one calendar date to another (both YYYY-MM-DD; no time zones involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A number per item: larger needs attention sooner. Tiers never overlap, so one strong reason beats many weak ones. */
export function attentionScore(f: AttentionFacts, today: string): number {
  if (f.status === 'done' || f.status === 'cancelled') return 0;
  let score = 1;
  if (f.overdueMilestones > 0) score += 1_000_000 + Math.min(f.overdueMilestones, 99) * 1_000;
  score += HEALTH_WEIGHT[f.health ?? 'on_track'] * 100_000;
  if (f.status === 'delayed') score += 50_000;
  if (f.awaitingMyConfirmation > 0) score += 20_000;
  if (f.nextDueDate && daysBetween(today, f.nextDueDate) <= DUE_SOON_DAYS) score += 10_000;
  return score;
}

export type AttentionReason = 'overdue' | 'offTrack' | 'atRisk' | 'delayed' | 'awaitingMe' | 'dueSoon';

/** Why an item is near the top, strongest reason first (shown as tags next to it). */
export function attentionReasons(f: AttentionFacts, today: string): AttentionReason[] {
  if (f.status === 'done' || f.status === 'cancelled') return [];
  const reasons: AttentionReason[] = [];
  if (f.overdueMilestones > 0) reasons.push('overdue');
  if (f.health === 'off_track') reasons.push('offTrack');
  if (f.health === 'at_risk') reasons.push('atRisk');
  if (f.status === 'delayed') reasons.push('delayed');
  if (f.awaitingMyConfirmation > 0) reasons.push('awaitingMe');
  if (f.overdueMilestones === 0 && f.nextDueDate && daysBetween(today, f.nextDueDate) <= DUE_SOON_DAYS) reasons.push('dueSoon');
  return reasons;
}

/** Sorted copy: most attention first; within a tier the earliest due (so the longest overdue), then by title. */
export function byAttention<T extends AttentionFacts & { title: string }>(items: readonly T[], today: string): T[] {
  const far = '9999-12-31';
  return [...items].sort(
    (a, b) =>
      attentionScore(b, today) - attentionScore(a, today) ||
      (a.nextDueDate ?? far).localeCompare(b.nextDueDate ?? far) ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
}
