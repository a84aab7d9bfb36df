// Staff of a federation and their invitations.
export { invitationStatus } from './invitation.query.ts';
export type { InvitationRow } from './invitation.query.ts';
export { staffRouter } from './staff.router.ts';
export { inviteStaff } from './invitation.write.ts';
