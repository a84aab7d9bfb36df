import type { PartyRow } from '../agreements/agreement.repo.ts';

/**
 * Who hosts the next joint meeting when nobody says: the parties take turns in party order
 * (seed 003: "由双方轮流承办"). The first meeting goes to the initiator, and so does a turn whose
 * previous host is no longer among the parties.
 */
export function nextHost(parties: PartyRow[], previousHostTenantId: string | null): PartyRow {
  const ordered = [...parties].sort((a, b) => a.position - b.position);
  const initiator = ordered.find((p) => p.role === 'initiator') ?? ordered[0]!;
  const i = ordered.findIndex((p) => p.tenantId === previousHostTenantId);
  if (i < 0) return initiator;
  return ordered[(i + 1) % ordered.length]!;
}
