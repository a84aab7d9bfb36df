import type { AgreementStatus, Role } from '@uc/contracts';

/** Liaison pairs are set up while negotiating and kept up to date while the agreement is in force. */
export const LIAISON_STATES: AgreementStatus[] = ['negotiating', 'active'];
export const LIAISON_WRITERS: Role[] = ['admin', 'signatory', 'officer'];
/** Joint meetings belong to an agreement in force (an amendment under way does not stop them). */
export const MEETING_STATES: AgreementStatus[] = ['active'];
export const MEETING_WRITERS: Role[] = ['admin', 'signatory', 'lead', 'officer'];
