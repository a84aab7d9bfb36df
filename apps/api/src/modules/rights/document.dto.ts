import type { CaseDocumentDto } from '@uc/contracts';
import type { DocumentMeta } from './document.repo.ts';

// Case documents as the web sees them, with the GET path that serves the file: the owner's own path,
// or the referral's (which checks the consent and logs the read on the shared access log).

export const ownDocumentUrl = (id: string) => `/api/rights/documents/${id}`;
export const referralDocumentUrl = (referralId: string, id: string) => `/api/referrals/${referralId}/documents/${id}`;

export function toDocumentDto(d: DocumentMeta, url: string): CaseDocumentDto {
  return {
    id: d.id,
    kind: d.kind as CaseDocumentDto['kind'],
    shared: d.shared,
    note: d.note,
    filename: d.filename,
    contentType: d.contentType as CaseDocumentDto['contentType'],
    size: d.size,
    uploadedBy: d.uploadedByLabel,
    createdAt: d.createdAt.toISOString(),
    url,
  };
}
