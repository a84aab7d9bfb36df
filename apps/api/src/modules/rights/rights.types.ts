import type { rightsCases, rightsConsents, rightsReferralEvents, rightsReferrals } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';

// Row types of the rights module and the context its use cases take.

export type CaseRow = typeof rightsCases.$inferSelect;
export type ConsentRow = typeof rightsConsents.$inferSelect;
export type ReferralRow = typeof rightsReferrals.$inferSelect;
export type ReferralEventRow = typeof rightsReferralEvents.$inferSelect;

export type Ctx = ServiceCtx;

export interface FedRef {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

/** The roles that work on cases: caseworkers (维权专员) and admins (their supervisors). */
export const CASE_ROLES = ['caseworker', 'admin'] as const;
