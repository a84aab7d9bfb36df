import type { AgreementStatus } from '@uc/contracts';

/** The agreement's own pages: child routes of its layout ('overview' is the layout's index). */
export const AGREEMENT_PAGES = ['overview', 'clauses', 'compare', 'signing', 'liaison', 'meetings', 'cooperation'] as const;
export type AgreementPage = (typeof AGREEMENT_PAGES)[number];
/** 'items': the work plan, a page of the items module (its board) */
export type AgreementTab = AgreementPage | 'items';

/** an agreement has joint items once it has come into force, and keeps them after it ends */
const STATES_WITH_ITEMS: readonly AgreementStatus[] = ['active', 'expired', 'terminated'];

/** pages every agreement has; the cooperation overview and annual report come with the items */
const ALWAYS = AGREEMENT_PAGES.filter((p) => p !== 'cooperation');

/** The tabs of an agreement in this status, in order. */
export function agreementTabs(status: AgreementStatus): AgreementTab[] {
  return STATES_WITH_ITEMS.includes(status) ? [...ALWAYS, 'cooperation', 'items'] : [...ALWAYS];
}
