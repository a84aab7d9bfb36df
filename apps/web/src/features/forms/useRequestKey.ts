import { useState } from 'react';

function newKey(): string {
  // randomUUID needs a secure context; a phone on the office LAN over plain http may not have one
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The key a create form sends with its mutation (docs/decisions/0022-request-once.md): one per
 * opening of the form, so a double click or a retry of the same form makes one row, not two.
 * Mount the form per opening (a modal rendered only while open) so the next opening gets a new key.
 */
export function useRequestKey(): string {
  const [key] = useState(newKey);
  return key;
}
