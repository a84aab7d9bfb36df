import type { MemberDto } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { toFormValues, toMemberFields } from './memberForm.ts';

const member: MemberDto = {
  id: 'm1',
  name: '王伟',
  gender: null,
  mobile: null,
  idNumberMasked: '330106********1234',
  birthDate: '1985-03-02',
  birthYear: 1985,
  hasAccount: false,
  orgUnitId: 'u1',
  orgUnitName: '上城区总工会',
  honours: [{ id: 'h1', kind: 'model_worker', source: '杭州市人民政府', validFrom: '2024-05-01', validUntil: null }],
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('the member form', () => {
  it('round-trips a member through the form values unchanged', () => {
    expect(toMemberFields(toFormValues(member))).toEqual({
      name: '王伟',
      gender: null,
      mobile: null,
      orgUnitId: 'u1',
      honours: [{ kind: 'model_worker', source: '杭州市人民政府', validFrom: '2024-05-01', validUntil: null }],
    });
  });

  it('trims text and sends blanks as null', () => {
    const fields = toMemberFields({ name: ' 李娜 ', gender: 'female', mobile: '  ', orgUnitId: 'u2', honours: [] });
    expect(fields).toMatchObject({ name: '李娜', gender: 'female', mobile: null });
  });
});
