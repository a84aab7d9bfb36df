import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import type { AgreementDto } from '@uc/contracts';
import { useTenant } from '@/components/session.ts';
import { localName } from '@/lib/i18n.ts';
import { useLocale } from '@/lib/locale.ts';

/** The id of the agreement whose pages are open. */
export function useAgreementId(): string {
  return useParams({ from: '/_app/t/$tenant/agreements/$agreementId', select: (p) => p.agreementId });
}

/** The agreement of the open page (the layout route loaded it). */
export function useAgreement(): AgreementDto {
  const { api } = useTenant();
  const id = useAgreementId();
  return useSuspenseQuery(api.agreement.get.queryOptions({ id })).data;
}

/** A party's name by federation slug, in the reader's language (the slug if it is not a party). */
export function usePartyName(a: Pick<AgreementDto, 'parties'>): (slug: string | null | undefined) => string {
  const locale = useLocale();
  return (slug) => {
    const p = a.parties.find((x) => x.slug === slug);
    return p ? localName(locale, p) : (slug ?? '');
  };
}

/** A stable key for one attempt at a retried mutation (sign, decline): the API returns the first result for a repeat. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // outside a secure context (plain http on a LAN address) randomUUID is missing; getRandomValues is not
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The signed agreement as a PDF: a plain GET, the session cookie authorises it. */
export function agreementPdfUrl(tenant: string, id: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/agreements/${encodeURIComponent(id)}/pdf`;
}
