import type { LiaisonPairDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { canManageLiaison, isBlankContact, ownContact, ownSideFields, type LiaisonContact } from './liaison.ts';

const contact = (partySlug: string, fill: Partial<LiaisonContact> = {}): LiaisonContact => ({
  partySlug,
  partyNameZh: partySlug,
  partyNameEn: partySlug,
  unitName: '',
  contactName: '',
  title: '',
  phone: '',
  email: '',
  editable: false,
  ...fill,
});

describe('canManageLiaison', () => {
  it('lets admins, signatories and officers write while the agreement is negotiated or in force', () => {
    expect(canManageLiaison(['officer'], 'active')).toBe(true);
    expect(canManageLiaison(['signatory'], 'negotiating')).toBe(true);
    expect(canManageLiaison(['lead', 'judge'], 'active')).toBe(false);
    expect(canManageLiaison(['admin'], 'signing')).toBe(false);
    expect(canManageLiaison(['admin'], 'terminated')).toBe(false);
  });
});

describe('ownContact and isBlankContact', () => {
  const pair = { contacts: [contact('hangzhou', { contactName: '王芳' }), contact('ningbo')] } as LiaisonPairDto;

  it('finds the side of the caller’s federation', () => {
    expect(ownContact(pair, 'ningbo')?.partySlug).toBe('ningbo');
    expect(ownContact(pair, 'shaoxing')).toBeUndefined();
  });

  it('tells a side nobody filled in from one with any detail', () => {
    expect(isBlankContact(pair.contacts[1]!)).toBe(true);
    expect(isBlankContact(pair.contacts[0]!)).toBe(false);
    expect(isBlankContact(contact('x', { email: 'a@b.cn' }))).toBe(false);
  });
});

describe('ownSideFields', () => {
  it('puts the API’s field errors of the side on the form’s own fields', () => {
    expect(ownSideFields({ 'sides.0.phone': '电话号码格式不正确', level: '无效' })).toEqual({ phone: '电话号码格式不正确', level: '无效' });
  });
});
