import type { AgreementStatus, Role } from '@uc/contracts';
import { AppError } from '../../errors.ts';

// The agreement lifecycle (DOMAIN §2) as pure rules: which step is allowed in which state, for whom.

export type Amendment = 'negotiating' | 'signing' | null;
export interface LifecycleState {
  status: AgreementStatus;
  amendment: Amendment;
}

export type Step =
  | 'edit' // save a new version
  | 'openNegotiation'
  | 'sendForSignature'
  | 'sign'
  | 'decline'
  | 'reopen'
  | 'terminate'
  | 'amend'
  | 'expire';

export interface StepActor {
  roles: Role[];
  isInitiator: boolean;
  /** the job that expires agreements */
  isSystem?: boolean;
}

const signers: Role[] = ['admin', 'signatory'];
const editors: Role[] = ['admin', 'signatory', 'lead', 'officer'];
const has = (actor: StepActor, roles: Role[]) => actor.roles.some((r) => roles.includes(r));

/** Is the step allowed now for this actor? */
export function allows(state: LifecycleState, step: Step, actor: StepActor): boolean {
  const { status, amendment } = state;
  switch (step) {
    case 'edit':
      if (status === 'draft') return actor.isInitiator && has(actor, editors);
      if (status === 'negotiating') return has(actor, editors);
      return status === 'active' && amendment === 'negotiating' && has(actor, editors);
    case 'openNegotiation':
      return status === 'draft' && actor.isInitiator && has(actor, signers);
    case 'sendForSignature':
      return (status === 'negotiating' || (status === 'active' && amendment === 'negotiating')) && has(actor, signers);
    case 'sign':
    case 'decline':
      return (status === 'signing' || (status === 'active' && amendment === 'signing')) && actor.roles.includes('signatory');
    case 'reopen':
      return (status === 'signing' || status === 'declined' || (status === 'active' && amendment === 'signing')) && has(actor, signers);
    case 'terminate':
      return status === 'active' && has(actor, signers);
    case 'amend':
      return status === 'active' && amendment === null && has(actor, signers);
    case 'expire':
      return status === 'active' && !!actor.isSystem;
  }
}

export function assertAllowed(state: LifecycleState, step: Step, actor: StepActor): void {
  if (!allows(state, step, actor)) {
    const knownStep = step === 'expire' || allowedInSomeState(step, actor);
    throw new AppError(knownStep ? 'INVALID_TRANSITION' : 'FORBIDDEN', { step, status: state.status });
  }
}

const ALL_STATES: LifecycleState[] = [
  ...(['draft', 'negotiating', 'signing', 'active', 'expired', 'terminated', 'declined'] as const).map((status) => ({ status, amendment: null })),
  { status: 'active', amendment: 'negotiating' },
  { status: 'active', amendment: 'signing' },
];

/** A role problem (FORBIDDEN) rather than a state problem: the actor could never take the step. */
function allowedInSomeState(step: Step, actor: StepActor): boolean {
  return ALL_STATES.some((s) => allows(s, step, actor));
}

/** The state after a step (for sign: only the signature that completes the set activates). */
export function next(state: LifecycleState, step: Step, opts: { completesSignatures?: boolean } = {}): LifecycleState {
  const inAmendment = state.status === 'active' && state.amendment !== null;
  switch (step) {
    case 'edit':
      return state;
    case 'openNegotiation':
      return { status: 'negotiating', amendment: null };
    case 'sendForSignature':
      return inAmendment ? { status: 'active', amendment: 'signing' } : { status: 'signing', amendment: null };
    case 'sign':
      if (!opts.completesSignatures) return state;
      return { status: 'active', amendment: null };
    case 'decline':
      // a declined amendment leaves the agreement in force as it was
      return inAmendment ? { status: 'active', amendment: null } : { status: 'declined', amendment: null };
    case 'reopen':
      return inAmendment ? { status: 'active', amendment: 'negotiating' } : { status: 'negotiating', amendment: null };
    case 'terminate':
      return { status: 'terminated', amendment: null };
    case 'amend':
      return { status: 'active', amendment: 'negotiating' };
    case 'expire':
      return { status: 'expired', amendment: null };
  }
}
