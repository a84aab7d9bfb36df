/**
 * What a booking's QR code holds: a link to the host's check-in page with the token, so a staff
 * phone's own camera app also lands in the right place; the check-in screen accepts that link,
 * or the bare token typed or pasted by hand.
 */
export function checkInLink(origin: string, hostSlug: string, token: string): string {
  return `${origin}/t/${encodeURIComponent(hostSlug)}/recuperation-admin/checkin?token=${encodeURIComponent(token)}`;
}

const TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

/** The token in what was scanned or typed; null when there is none. */
export function tokenFromScan(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) {
    try {
      const token = new URL(text).searchParams.get('token');
      return token && TOKEN.test(token) ? token : null;
    } catch {
      return null;
    }
  }
  const bare = text.replace(/\s+/g, '');
  return TOKEN.test(bare) ? bare : null;
}
