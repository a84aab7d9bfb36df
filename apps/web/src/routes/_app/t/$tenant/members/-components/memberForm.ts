import type { MemberDto } from '@uc/contracts';
import dayjs, { type Dayjs } from 'dayjs';

type HonourKind = MemberDto['honours'][number]['kind'];

/** The member form's values: dates as picked dayjs values, gender '' when not given. */
export interface MemberFormValues {
  name: string;
  gender: 'male' | 'female' | '';
  mobile?: string;
  idNumber?: string;
  orgUnitId?: string;
  honours: { kind?: HonourKind; source?: string; validFrom?: Dayjs; validUntil?: Dayjs | null }[];
}

export function toFormValues(member: MemberDto | null): MemberFormValues {
  if (!member) return { name: '', gender: '', honours: [] };
  return {
    name: member.name,
    gender: member.gender ?? '',
    mobile: member.mobile ?? '',
    orgUnitId: member.orgUnitId,
    honours: member.honours.map((h) => ({
      kind: h.kind,
      source: h.source,
      validFrom: dayjs(h.validFrom),
      validUntil: h.validUntil ? dayjs(h.validUntil) : null,
    })),
  };
}

/** The fields member.create and member.update share, in the API's shapes (the form has checked they are filled). */
export function toMemberFields(v: MemberFormValues) {
  return {
    name: v.name.trim(),
    gender: v.gender || null,
    mobile: v.mobile?.trim() || null,
    orgUnitId: v.orgUnitId!,
    honours: v.honours.map((h) => ({
      kind: h.kind!,
      source: (h.source ?? '').trim(),
      validFrom: h.validFrom!.format('YYYY-MM-DD'),
      validUntil: h.validUntil ? h.validUntil.format('YYYY-MM-DD') : null,
    })),
  };
}
