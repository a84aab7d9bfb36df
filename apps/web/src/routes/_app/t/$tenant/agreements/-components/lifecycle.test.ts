import type { AgreementDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { collectingSignatures, partyState, pendingParties, progressOf, underNegotiation } from './lifecycle.ts';

type Party = AgreementDto['parties'][number];
const party = (slug: string, signature: Party['signature'] = null): Party => ({ tenantId: slug, slug, nameZh: slug, nameEn: slug, role: 'party', suspended: false, signature });
const signed = (by: string): Party['signature'] => ({ decision: 'signed', by: { kind: 'person', name: by, title: '', unit: '' }, at: '2026-05-01T02:00:00Z', reason: null, contentHash: 'a'.repeat(64) });

describe('the signing steps', () => {
  it('follow draft → negotiating → signing → active', () => {
    expect(progressOf({ status: 'draft', amendment: null })).toMatchObject({ current: 0, state: 'process', amendment: false });
    expect(progressOf({ status: 'negotiating', amendment: null })).toMatchObject({ current: 1, state: 'process' });
    expect(progressOf({ status: 'signing', amendment: null })).toMatchObject({ current: 2, state: 'process' });
    expect(progressOf({ status: 'active', amendment: null })).toMatchObject({ current: 3, state: 'finish', ended: null });
  });

  it('show a declined agreement stopped at signing', () => {
    expect(progressOf({ status: 'declined', amendment: null })).toMatchObject({ current: 2, state: 'error' });
  });

  it('restart at negotiation for an amendment of an agreement in force', () => {
    expect(progressOf({ status: 'active', amendment: 'negotiating' })).toMatchObject({ current: 1, amendment: true });
    expect(progressOf({ status: 'active', amendment: 'signing' })).toMatchObject({ current: 2, amendment: true });
  });

  it('end on the last step for expired and terminated agreements', () => {
    expect(progressOf({ status: 'expired', amendment: null })).toMatchObject({ current: 3, state: 'finish', ended: 'expired' });
    expect(progressOf({ status: 'terminated', amendment: null })).toMatchObject({ current: 3, state: 'error', ended: 'terminated' });
  });
});

describe('who has signed and who is pending', () => {
  it('lists the parties without a decision while signatures are collected', () => {
    const a = { status: 'signing' as const, amendment: null, parties: [party('hangzhou', signed('signer@hangzhou.demo')), party('ningbo')] };
    expect(pendingParties(a).map((p) => p.slug)).toEqual(['ningbo']);
    expect(partyState(a, a.parties[0]!)).toBe('signed');
  });

  it('has nobody pending before the version is sent for signature', () => {
    const a = { status: 'negotiating' as const, amendment: null, parties: [party('hangzhou'), party('ningbo')] };
    expect(pendingParties(a)).toEqual([]);
    expect(partyState(a, a.parties[1]!)).toBe('none');
  });

  it('collects signatures again during an amendment, and edits only while it is negotiated', () => {
    expect(collectingSignatures({ status: 'active', amendment: 'signing' })).toBe(true);
    expect(collectingSignatures({ status: 'active', amendment: null })).toBe(false);
    expect(underNegotiation({ status: 'active', amendment: 'negotiating' })).toBe(true);
    expect(underNegotiation({ status: 'signing', amendment: null })).toBe(false);
  });
});
