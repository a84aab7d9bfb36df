import type { AgreementDto, AgreementStatus } from '@uc/contracts';

// How the screens present the agreement lifecycle (DOMAIN §2); the API decides what is allowed.

export type StepKey = 'draft' | 'negotiating' | 'signing' | 'active';
export const STEP_KEYS: StepKey[] = ['draft', 'negotiating', 'signing', 'active'];

export interface Progress {
  /** index into STEP_KEYS */
  current: number;
  /** AntD Steps status of the current step */
  state: 'process' | 'finish' | 'error';
  /** the steps describe an amendment of an agreement in force */
  amendment: boolean;
  /** the last step's label when the agreement ended (expired, terminated) */
  ended: AgreementStatus | null;
}

type State = Pick<AgreementDto, 'status' | 'amendment'>;

export function progressOf({ status, amendment }: State): Progress {
  const base = { amendment: false, ended: null };
  switch (status) {
    case 'draft':
      return { ...base, current: 0, state: 'process' };
    case 'negotiating':
      return { ...base, current: 1, state: 'process' };
    case 'signing':
      return { ...base, current: 2, state: 'process' };
    case 'declined':
      return { ...base, current: 2, state: 'error' };
    case 'active':
      if (amendment === 'negotiating') return { ...base, amendment: true, current: 1, state: 'process' };
      if (amendment === 'signing') return { ...base, amendment: true, current: 2, state: 'process' };
      return { ...base, current: 3, state: 'finish' };
    case 'expired':
      return { ...base, current: 3, state: 'finish', ended: 'expired' };
    case 'terminated':
      return { ...base, current: 3, state: 'error', ended: 'terminated' };
  }
}

/** Signatures are being collected on the current version (first signing or an amendment). */
export const collectingSignatures = ({ status, amendment }: State) => status === 'signing' || (status === 'active' && amendment === 'signing');

/** Changes are being made: the version can be edited and commented on by the parties. */
export const underNegotiation = ({ status, amendment }: State) => status === 'draft' || status === 'negotiating' || (status === 'active' && amendment === 'negotiating');

export type PartyState = 'signed' | 'declined' | 'pending' | 'none';

/** Where a party stands on the current version. */
export function partyState(a: State, party: AgreementDto['parties'][number]): PartyState {
  if (party.signature) return party.signature.decision;
  return collectingSignatures(a) ? 'pending' : 'none';
}

/** The parties still to sign the current version, in party order. */
export const pendingParties = (a: Pick<AgreementDto, 'status' | 'amendment' | 'parties'>) => a.parties.filter((p) => partyState(a, p) === 'pending');

export const STATUS_COLOR: Record<AgreementStatus, string> = {
  draft: 'default',
  negotiating: 'processing',
  signing: 'gold',
  active: 'success',
  expired: 'default',
  terminated: 'error',
  declined: 'error',
};

/** Comments, replies and reopening are taken while the version can change; not while signatures are collected (the API's rule). */
export const acceptsComments = ({ status, amendment }: State) => status === 'draft' || status === 'negotiating' || (status === 'active' && amendment !== 'signing');
