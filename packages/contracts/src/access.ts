import type { Role } from './common.ts';

// Least privilege (issue 12, docs/decisions/0014-go-live.md): who may call each procedure of the
// root router, in ONE place, shared by the API (which enforces it) and the web app (which shows
// only what the user may open). The tenant procedures enforce it (api trpc.ts tenantContext reads the
// path) before any service runs, so a role missing here is refused whatever the procedure itself
// declares; a procedure without an entry is refused to everyone (fail closed). api access.test.ts walks
// every procedure of appRouter with every role and asserts this table — a new procedure without
// an entry fails that test.
//
//   'public'  no session needed (sign-in, invitations, activation, password reset)
//   'authed'  any signed-in user, no federation (their own sessions, password, language)
//   'platform' the platform operator only (a global role on the user, no federation)
//   Role[]    a tenant procedure: the caller must hold one of these roles in the X-Tenant federation
//
// Finer rules stay in the services (agreement state and party, own side of a joint item, home or
// host of a booking, a scoped officer's org unit); this table is the outer gate.

export type Access = 'public' | 'authed' | 'platform' | readonly Role[];

const STAFF: readonly Role[] = ['admin', 'signatory', 'lead', 'officer', 'judge', 'caseworker'];
const EVERYONE: readonly Role[] = [...STAFF, 'member'];
const ADMIN: readonly Role[] = ['admin'];
/** the office that keeps members and runs recuperation: members' personal data is theirs */
const OFFICE: readonly Role[] = ['admin', 'officer'];
const SIGNERS: readonly Role[] = ['admin', 'signatory'];
const EDITORS: readonly Role[] = ['admin', 'signatory', 'lead', 'officer'];
const LEADS: readonly Role[] = ['admin', 'lead'];
const MEMBER: readonly Role[] = ['member'];

export const ACCESS: Record<string, Access> = {
  'agreement.amend': SIGNERS,
  'agreement.comment': STAFF,
  'agreement.comments': STAFF,
  'agreement.compare': STAFF,
  'agreement.create': SIGNERS,
  'agreement.decline': ['signatory'],
  'agreement.get': STAFF,
  'agreement.list': STAFF,
  'agreement.openNegotiation': SIGNERS,
  'agreement.pdf': STAFF,
  'agreement.reopen': SIGNERS,
  'agreement.save': EDITORS,
  'agreement.sendForSignature': SIGNERS,
  'agreement.sign': ['signatory'],
  'agreement.terminate': SIGNERS,
  'agreement.verify': STAFF,
  'audit.list': ADMIN,
  'audit.verify': ADMIN,
  'auth.acceptInvitation': 'public',
  'auth.changePassword': 'authed',
  'auth.me': 'public',
  'auth.previewInvitation': 'public',
  'auth.revokeSession': 'authed',
  'auth.sessions': 'authed',
  'auth.setLocale': 'authed',
  'auth.signIn': 'public',
  'auth.signInMobile': 'public',
  'auth.requestPasswordReset': 'public',
  'auth.resetPassword': 'public',
  'auth.requestSmsReset': 'public',
  'auth.resetPasswordBySms': 'public',
  'auth.signOut': 'authed',
  'dashboard.panels': STAFF,
  'federation.directory': STAFF,
  'federation.home': EVERYONE,
  'jointItem.activity': STAFF,
  'jointItem.attachment.file': STAFF,
  'jointItem.attachment.upload': LEADS,
  'jointItem.board': STAFF,
  'jointItem.create': LEADS,
  'jointItem.exportWorkPlan': STAFF,
  'jointItem.get': STAFF,
  'jointItem.importWorkPlan': LEADS,
  'jointItem.list': STAFF,
  'jointItem.milestone.confirm': LEADS,
  'jointItem.milestone.create': LEADS,
  'jointItem.milestone.delete': LEADS,
  'jointItem.milestone.list': STAFF,
  'jointItem.milestone.reopen': LEADS,
  'jointItem.milestone.setOwner': LEADS,
  'jointItem.milestone.update': LEADS,
  'jointItem.myItems': STAFF,
  'jointItem.page': STAFF,
  'jointItem.progress.list': STAFF,
  'jointItem.progress.post': LEADS,
  'jointItem.setStatus': LEADS,
  'jointItem.timeline': STAFF,
  'jointItem.update': LEADS,
  'jointItem.updateSide': LEADS,
  'liaison.create': ['admin', 'signatory', 'officer'],
  'liaison.delete': ['admin', 'signatory', 'officer'],
  'liaison.get': STAFF,
  'liaison.list': STAFF,
  'liaison.update': ['admin', 'signatory', 'officer'],
  'meeting.addDecision': ['admin', 'signatory', 'lead', 'officer'],
  'meeting.create': ['admin', 'signatory', 'lead', 'officer'],
  'meeting.decisionToItem': ['admin', 'signatory', 'lead', 'officer'],
  'meeting.get': STAFF,
  'meeting.list': STAFF,
  'meeting.nextHost': STAFF,
  'meeting.update': ['admin', 'signatory', 'lead', 'officer'],
  'member.create': OFFICE,
  'member.delete': OFFICE,
  'member.exportXlsx': OFFICE,
  'member.get': OFFICE,
  'member.import': OFFICE,
  'member.importTemplate': OFFICE,
  'member.list': OFFICE,
  'member.requestActivationCode': 'public',
  'member.activateAccount': 'public',
  'member.revealIdNumber': ['admin', 'officer', 'caseworker'],
  'member.update': OFFICE,
  'notification.list': EVERYONE,
  'notification.markAllRead': EVERYONE,
  'notification.markRead': EVERYONE,
  'notification.unreadCount': EVERYONE,
  'orgUnit.create': ADMIN,
  'orgUnit.delete': ADMIN,
  'orgUnit.list': STAFF,
  'orgUnit.update': ADMIN,
  'platform.createFederation': 'platform',
  'platform.federations': 'platform',
  'platform.reactivate': 'platform',
  'platform.suspend': 'platform',
  'platform.audit': 'platform',
  'platform.verifyAudit': 'platform',
  'recuperation.base.create': OFFICE,
  'recuperation.base.get': STAFF,
  'recuperation.base.list': STAFF,
  'recuperation.base.update': OFFICE,
  'recuperation.batch.create': OFFICE,
  'recuperation.batch.get': STAFF,
  'recuperation.batch.list': STAFF,
  'recuperation.batch.roster': OFFICE,
  'recuperation.batch.rosterPdf': OFFICE,
  'recuperation.batch.rosterXlsx': OFFICE,
  'recuperation.batch.update': OFFICE,
  'recuperation.booking.acceptOffer': MEMBER,
  'recuperation.booking.approve': OFFICE,
  'recuperation.booking.book': MEMBER,
  'recuperation.booking.cancel': ['admin', 'officer', 'member'],
  'recuperation.booking.checkIn': OFFICE,
  'recuperation.booking.complete': OFFICE,
  'recuperation.booking.confirm': OFFICE,
  'recuperation.booking.declineOffer': MEMBER,
  'recuperation.booking.eligibility': MEMBER,
  'recuperation.booking.get': ['admin', 'officer', 'member'],
  'recuperation.booking.list': OFFICE,
  'recuperation.booking.mine': MEMBER,
  'recuperation.booking.noShow': OFFICE,
  'recuperation.booking.nominate': OFFICE,
  'recuperation.booking.nominateXlsx': OFFICE,
  'recuperation.booking.nominationTemplate': OFFICE,
  'recuperation.booking.reject': OFFICE,
  'recuperation.catalog.batch': EVERYONE,
  'recuperation.catalog.list': EVERYONE,
  'recuperation.policy.create': OFFICE,
  'recuperation.policy.list': STAFF,
  'recuperation.policy.update': OFFICE,
  'recuperation.quota.allocate': OFFICE,
  'recuperation.quota.allocations': STAFF,
  'recuperation.quota.list': STAFF,
  'recuperation.quota.panel': STAFF,
  'recuperation.route.create': OFFICE,
  'recuperation.route.get': STAFF,
  'recuperation.route.list': STAFF,
  'recuperation.route.update': OFFICE,
  'staff.invitations': ADMIN,
  'staff.invite': ADMIN,
  'staff.list': STAFF,
  'staff.remove': ADMIN,
  'staff.revokeInvitation': ADMIN,
  'staff.updateRoles': ADMIN,
};

/** The roles that may call a tenant procedure; null when the path has no role entry (refused). */
export function rolesFor(path: string): readonly Role[] | null {
  const a = ACCESS[path];
  return Array.isArray(a) ? a : null;
}

/** May a user holding these roles call the tenant procedure? (the web app hides what it may not) */
export const canCall = (path: string, roles: readonly Role[]): boolean => !!rolesFor(path)?.some((r) => roles.includes(r));
