import { canCall, type Role } from '@uc/contracts';

/**
 * The side menu's sections, in order, each with the procedure its page is for: an entry shows only
 * to the roles the API's ACCESS matrix (packages/contracts/src/access.ts) lets call it — one
 * source of truth, no second list of roles here.
 */
export const MENU = [
  { section: 'recuperation', procedure: 'recuperation.booking.mine' },
  { section: 'rights/mine', procedure: 'rightsCase.mine' },
  { section: 'programmes', procedure: 'programme.registration.mine' },
  { section: 'contests/apply', procedure: 'contest.application.mine' },
  { section: 'agreements', procedure: 'agreement.list' },
  { section: 'items', procedure: 'jointItem.myItems' },
  { section: 'dashboard', procedure: 'dashboard.panels' },
  { section: 'recuperation-admin', procedure: 'recuperation.booking.list' },
  { section: 'rights', procedure: 'rightsCase.list' },
  { section: 'contests', procedure: 'contest.list' },
  { section: 'programmes-admin', procedure: 'programme.session.registrations' },
  { section: 'org-units', procedure: 'orgUnit.list' },
  { section: 'members', procedure: 'member.list' },
  { section: 'staff', procedure: 'staff.list' },
  { section: 'judge', procedure: 'contest.score.mine' },
  { section: 'audit', procedure: 'audit.list' },
  { section: 'notifications', procedure: 'notification.list' },
] as const;

export type Section = (typeof MENU)[number]['section'];

/** The sections a user with these roles may open, in menu order. */
export const menuSections = (roles: readonly Role[]): Section[] => MENU.filter((m) => canCall(m.procedure, roles)).map((m) => m.section);
