import { canCall, type Role } from '@uc/contracts';

/**
 * What the interface offers to whom. The API checks every call itself; these only decide which
 * menus and buttons to show, and mirror the roles its procedures require.
 */
const has = (roles: readonly Role[], ...wanted: Role[]) => roles.some((r) => wanted.includes(r));

export const access = {
  /** federation staff (any role); a member account sees only its own home and account */
  staff: (roles: readonly Role[]) => has(roles, 'admin', 'signatory', 'lead', 'officer', 'judge', 'caseworker'),
  manageOrgUnits: (roles: readonly Role[]) => has(roles, 'admin'),
  manageMembers: (roles: readonly Role[]) => has(roles, 'admin', 'officer'),
  /** the member list (personal data): the roles the API's matrix lets call member.list */
  readMembers: (roles: readonly Role[]) => canCall('member.list', roles),
  revealIdNumber: (roles: readonly Role[]) => has(roles, 'admin', 'officer', 'caseworker'),
  manageStaff: (roles: readonly Role[]) => has(roles, 'admin'),
  readAudit: (roles: readonly Role[]) => has(roles, 'admin'),
  /** draft a new cooperation agreement (agreement.create); taking steps and signing follow the agreement's own `can` */
  createAgreement: (roles: readonly Role[]) => has(roles, 'admin', 'signatory'),
  /** rights referrals (rightsCase.*, referral.*): caseworkers and their supervisors */
  rights: (roles: readonly Role[]) => has(roles, 'caseworker', 'admin'),
  /** start a joint contest and add its events (contest.create, contest.event.create) */
  organiseContests: (roles: readonly Role[]) => canCall('contest.create', roles),
};
