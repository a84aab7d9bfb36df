import { z } from 'zod';
import { staffRole, trimmed, uuid } from './common.ts';

export const staffDto = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
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
  roles: z.array(staffRole),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

export const inviteInput = z.object({
  email: z.email().max(254),
  displayName: trimmed(1, 60),
  roles: z.array(staffRole).min(1).max(6),
});
/** the link is emailed; it is returned here too so an admin can pass it on by hand */
export const inviteResultDto = z.object({ invitation: invitationDto, link: z.string() });
/** orgUnitId: null = the whole federation; absent = unchanged */
export const updateRolesInput = z.object({ membershipId: uuid, roles: z.array(staffRole).min(1).max(6), orgUnitId: uuid.nullable().optional() });
export const removeStaffInput = z.object({ membershipId: uuid });
