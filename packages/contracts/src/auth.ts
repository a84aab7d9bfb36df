import { z } from 'zod';
import { localeSchema, role, trimmed } from './common.ts';

export const signInInput = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const passwordSchema = z.string().min(10, { error: 'password_too_short' }).max(200);

export const membershipDto = z.object({
  tenantId: z.string(),
  slug: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  roles: z.array(role),
  memberId: z.string().nullable(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  /** 'operator' for the platform operator (onboards federations); null otherwise */
  platformRole: z.enum(['operator']).nullable().default(null),
});
export type UserDto = z.infer<typeof userDto>;

export const meDto = z.object({ user: userDto, memberships: z.array(membershipDto) }).nullable();
export type MeDto = z.infer<typeof meDto>;

export const sessionDto = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });
export const setLocaleInput = z.object({ locale: localeSchema });
export const revokeSessionInput = z.object({ id: z.string().min(1).max(128) });

export const invitationPreviewDto = z.object({
  email: z.string(),
  displayName: z.string(),
  federationNameZh: z.string(),
  federationNameEn: z.string(),
  roles: z.array(role),
  /** the org unit the membership will be limited to; null: the whole federation */
  orgUnitName: z.string().nullable(),
  existingUser: z.boolean(),
});
export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  displayName: trimmed(1, 60).optional(),
  password: z.string().max(200),
});

// ---- member accounts by mobile, password resets (issue 12) ----

/** a mainland China mobile number, 11 digits */
export const accountMobile = z.string().trim().regex(/^1[3-9]\d{9}$/, { error: 'mobile_invalid' });
export const smsCodeSchema = z.string().trim().regex(/^\d{6}$/, { error: 'code_invalid' });

/** a member asks for an activation code: mobile + the last six characters of their ID number */
export const requestActivationInput = z.object({ mobile: accountMobile, idLast6: z.string().trim().regex(/^\d{5}[\dXx]$/, { error: 'id_last6_invalid' }) });
export const activateAccountInput = z.object({ mobile: accountMobile, code: smsCodeSchema, password: passwordSchema });
export const mobileSignInInput = z.object({ mobile: accountMobile, password: z.string().min(1).max(200) });
export const staffResetRequestInput = z.object({ email: z.email().max(254) });
export const resetPasswordInput = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const memberResetRequestInput = z.object({ mobile: accountMobile });
export const smsResetInput = z.object({ mobile: accountMobile, code: smsCodeSchema, password: passwordSchema });
