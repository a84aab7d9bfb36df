import type { ConsentFormDto } from '@uc/contracts';
import type { ConsentFormMeta } from './consentForm.repo.ts';

// The signed consent form as the web lists it, with the GET path that serves it: the owner's path,
// or the referral's (which checks the consent and logs the read on the shared access log).

export const ownConsentFormUrl = (consentId: string) => `/api/rights/consents/${consentId}/form`;
export const referralConsentFormUrl = (referralId: string) => `/api/referrals/${referralId}/consent-form`;

export function toConsentFormDto(f: ConsentFormMeta, url: string): ConsentFormDto {
  return { id: f.id, filename: f.filename, contentType: f.contentType as ConsentFormDto['contentType'], size: f.size, createdAt: f.createdAt.toISOString(), url };
}
