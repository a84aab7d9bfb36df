// A member's own request that their HOME federation decides (decisions 0033 and 0051): a contest
// application, a programme registration on an event that needs approval. One lifecycle for both:
// applied → approved (the place is claimed as any registration's) | refused (with a reason) |
// withdrawn. The caller locks the request's row first (select … for update), so two decisions at
// once, or a decision racing the member's withdrawal, see each other's outcome here.

export type Step = 'repeat' | 'go' | 'wrong_state';

/** Deciding again the way it was decided is harmless (the same answer); only a waiting request is decided. */
export function decisionStep(status: string, decision: 'approve' | 'refuse'): Step {
  if (status === (decision === 'approve' ? 'approved' : 'refused')) return 'repeat';
  return status === 'applied' ? 'go' : 'wrong_state';
}

/**
 * Withdrawing a withdrawn request again is harmless; a refused one cannot be; an approved one only
 * where withdrawing it also withdraws the place it took (contests — a programme's seat is cancelled
 * as its registration).
 */
export function withdrawalStep(status: string, approvedToo: boolean): Step {
  if (status === 'withdrawn') return 'repeat';
  if (status === 'applied' || (approvedToo && status === 'approved')) return 'go';
  return 'wrong_state';
}
