import { describe, expect, it } from 'vitest';
import type { Role } from '@uc/contracts';
import { allows, assertAllowed, next, type LifecycleState, type Step, type StepActor } from './lifecycle.rules.ts';

const initiatorSigner: StepActor = { roles: ['signatory'], isInitiator: true };
const partySigner: StepActor = { roles: ['signatory'], isInitiator: false };
const partyAdmin: StepActor = { roles: ['admin'], isInitiator: false };
const partyOfficer: StepActor = { roles: ['officer'], isInitiator: false };
const s = (status: LifecycleState['status'], amendment: LifecycleState['amendment'] = null): LifecycleState => ({ status, amendment });

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('agreement lifecycle', () => {
  // every state × step: the allowed ones, for a signatory of the initiator; everything else is refused
  const table: [LifecycleState, Step, LifecycleState | null][] = [
    [s('draft'), 'edit', s('draft')],
    [s('draft'), 'openNegotiation', s('negotiating')],
    [s('draft'), 'sendForSignature', null],
    [s('draft'), 'sign', null],
    [s('draft'), 'terminate', null],
    [s('negotiating'), 'edit', s('negotiating')],
    [s('negotiating'), 'sendForSignature', s('signing')],
    [s('negotiating'), 'openNegotiation', null],
    [s('negotiating'), 'sign', null],
    [s('negotiating'), 'amend', null],
    [s('signing'), 'edit', null],
    [s('signing'), 'sign', s('signing')],
    [s('signing'), 'decline', s('declined')],
    [s('signing'), 'reopen', s('negotiating')],
    [s('signing'), 'terminate', null],
    [s('declined'), 'reopen', s('negotiating')],
    [s('declined'), 'sign', null],
    [s('declined'), 'edit', null],
    [s('active'), 'edit', null],
    [s('active'), 'sign', null],
    [s('active'), 'terminate', s('terminated')],
    [s('active'), 'amend', s('active', 'negotiating')],
    [s('active', 'negotiating'), 'edit', s('active', 'negotiating')],
    [s('active', 'negotiating'), 'amend', null],
    [s('active', 'negotiating'), 'sendForSignature', s('active', 'signing')],
    [s('active', 'signing'), 'sign', s('active', 'signing')],
    [s('active', 'signing'), 'decline', s('active')],
    [s('active', 'signing'), 'reopen', s('active', 'negotiating')],
    [s('expired'), 'terminate', null],
    [s('expired'), 'amend', null],
    [s('expired'), 'edit', null],
    [s('terminated'), 'sign', null],
    [s('terminated'), 'terminate', null],
  ];
  it.each(table)('in %o, %s → %o', (state, step, expected) => {
    expect(allows(state, step, initiatorSigner)).toBe(expected !== null);
    if (expected) expect(next(state, step)).toEqual(expected);
    else expect(codeOf(() => assertAllowed(state, step, initiatorSigner))).toBe('INVALID_TRANSITION');
  });

  it('activates only on the signature that completes the set', () => {
    expect(next(s('signing'), 'sign', { completesSignatures: false })).toEqual(s('signing'));
    expect(next(s('signing'), 'sign', { completesSignatures: true })).toEqual(s('active'));
    expect(next(s('active', 'signing'), 'sign', { completesSignatures: true })).toEqual(s('active'));
  });

  it('lets only the initiator edit or open a draft', () => {
    expect(allows(s('draft'), 'edit', partySigner)).toBe(false);
    expect(allows(s('draft'), 'openNegotiation', partySigner)).toBe(false);
    expect(allows(s('negotiating'), 'edit', partyOfficer)).toBe(true);
  });

  it('lets only holders of signatory sign, and refuses others as FORBIDDEN', () => {
    expect(allows(s('signing'), 'sign', partySigner)).toBe(true);
    expect(allows(s('signing'), 'sign', partyAdmin)).toBe(false);
    expect(codeOf(() => assertAllowed(s('signing'), 'sign', partyAdmin))).toBe('FORBIDDEN');
    expect(codeOf(() => assertAllowed(s('active'), 'terminate', partyOfficer))).toBe('FORBIDDEN');
  });

  it('expires only through the system job', () => {
    expect(allows(s('active'), 'expire', { roles: ['admin' as Role], isInitiator: true })).toBe(false);
    expect(next(s('active'), 'expire')).toEqual(s('expired'));
    expect(allows(s('active'), 'expire', { roles: [], isInitiator: false, isSystem: true })).toBe(true);
  });
});
