import { createHmac, timingSafeEqual } from 'node:crypto';

// A registration's check-in code (the ticket's QR): its id and an HMAC of it under a key derived
// from the server's secret, so it cannot be guessed or forged, and needs no stored secret — the
// member's ticket shows it again at any time. 'pt1.<id hex>.<mac base64url>'.

const keyOf = (secret: Buffer) => createHmac('sha256', secret).update('programme.ticket.v1').digest();
const macOf = (secret: Buffer, id: string) => createHmac('sha256', keyOf(secret)).update(id).digest().subarray(0, 16);

export function ticketToken(secret: Buffer, registrationId: string): string {
  return `pt1.${registrationId.replace(/-/g, '')}.${macOf(secret, registrationId).toString('base64url')}`;
}

/** The registration id a token names, or null when it is not one of ours. */
export function readTicket(secret: Buffer, token: string): string | null {
  const m = /^pt1\.([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return null;
  const h = m[1]!;
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  const given = Buffer.from(m[2]!, 'base64url');
  const want = macOf(secret, id);
  return given.length === want.length && timingSafeEqual(given, want) ? id : null;
}
