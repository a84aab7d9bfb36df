import { z } from 'zod';
import { staffRole, trimmed, uuid } from './common.ts';

export const staffDto = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  /** 职务, shown with the name wherever the person is named */
  title: z.string(),
  roles: z.array(staffRole),
  /** limited to this org unit and the units below it; null: the whole federation */
  orgUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type StaffDto = z.infer<typeof staffDto>;

export const invitationDto = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  title: z.string(),
  roles: z.array(staffRole),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  /** the membership made on acceptance is limited to this org unit and the units below it; null: the whole federation */
  orgUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

/**
 * Roles a membership limited to an org unit may not hold (docs/decisions/0052-org-unit-scope.md): an
 * admin manages the whole federation (its staff and their scopes, its own included) and a caseworker's
 * rights cases are about workers, members or not, of any unit — neither has a subtree to keep to.
 */
export const UNSCOPED_ROLES = ['admin', 'caseworker'] as const;

export const inviteInput = z.object({
  email: z.email().max(254),
  displayName: trimmed(1, 60),
  /** 职务 (e.g. 常务副主席); empty when not known yet */
  title: z.string().trim().max(60).default(''),
  roles: z.array(staffRole).min(1).max(6),
  /** limits the membership to this org unit of the federation and the units below it; absent or null: the whole federation */
  orgUnitId: uuid.nullable().optional(),
});
/** the link is emailed; it is returned here too so an admin can pass it on by hand */
export const inviteResultDto = z.object({ invitation: invitationDto, link: z.string() });
/** orgUnitId: null = the whole federation; absent = unchanged */
export const updateRolesInput = z.object({ membershipId: uuid, roles: z.array(staffRole).min(1).max(6), orgUnitId: uuid.nullable().optional() });
/** the staff member's 姓名 and 职务, as every page and PDF names them */
export const updateStaffPersonInput = z.object({ membershipId: uuid, displayName: trimmed(1, 60), title: z.string().trim().max(60) });
export const removeStaffInput = z.object({ membershipId: uuid });
