import type { MembershipDto, Role } from '@uc/contracts';
import { access } from '@/lib/access.ts';

/** Who sees which recuperation screens; mirrors the API's procedures (recuperation.procedures.ts). */
export const recuperationAccess = {
  /** a member account with its member record books from its home federation */
  book: (m: Pick<MembershipDto, 'roles' | 'memberId'>) => m.roles.includes('member') && m.memberId !== null,
  /** any staff reads the host and home screens */
  staff: (roles: readonly Role[]) => access.staff(roles),
  /** bases, batches, approvals, allocations, policy, check-in */
  write: (roles: readonly Role[]) => roles.some((r) => r === 'admin' || r === 'officer'),
};
