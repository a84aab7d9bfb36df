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

// A class's completion certificate number (decision 0057): 'PC-<event id's first 8 hex>-<12 hex of an
// HMAC of event, home federation and member>' under its own derived key — the same member and class
// always give the same number, nobody can make one up, and the host checks it by recomputing it.

const certificateKey = (secret: Buffer) => createHmac('sha256', secret).update('programme.certificate.v1').digest();

export function certificateNumber(secret: Buffer, eventId: string, homeTenantId: string, memberId: string): string {
  const mac = createHmac('sha256', certificateKey(secret)).update(`${eventId}:${homeTenantId}:${memberId}`).digest('hex').slice(0, 12);
  return `PC-${eventId.replace(/-/g, '').slice(0, 8)}-${mac}`.toUpperCase();
}

/** The event id prefix a certificate number names (lower-case hex), or null when it is not shaped like one. */
export function certificateEventPrefix(number: string): string | null {
  const m = /^PC-([0-9A-F]{8})-[0-9A-F]{12}$/i.exec(number.trim());
  return m ? m[1]!.toLowerCase() : null;
}
