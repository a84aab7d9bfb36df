import * as agreement from './agreement/index.ts';
import * as audit from './audit/index.ts';
import * as contest from './contest/index.ts';
import * as cooperation from './cooperation/index.ts';
import * as auth from './auth/index.ts';
import * as dashboard from './dashboard/index.ts';
import * as federation from './federation/index.ts';
import * as home from './home/index.ts';
import * as jointItem from './jointItem/index.ts';
import * as mechanism from './mechanism/index.ts';
import * as member from './member/index.ts';
import * as notification from './notification/index.ts';
import * as orgUnit from './orgUnit/index.ts';
import * as programme from './programme/index.ts';
import * as platform from './platform/index.ts';
import * as recuperation from './recuperation/index.ts';
import * as rights from './rights/index.ts';
import * as staff from './staff/index.ts';

// Every domain module, in one place. A module adds itself to the API here: its routers under the
// names the web app calls, and its register() (download routes, dashboard panels, hooks into other
// modules) in the list below. Nothing registers by being imported: registerModules() runs each
// register() once, in this order, before the API serves (router.ts calls it; so do main, the seed
// and any script that calls services directly).

/** The root router's namespaces (router.ts). */
export const moduleRouters = {
  auth: auth.authRouter,
  federation: federation.federationRouter,
  staff: staff.staffRouter,
  orgUnit: orgUnit.orgUnitRouter,
  member: member.memberRouter,
  audit: audit.auditRouter,
  agreement: agreement.agreementRouter,
  notification: notification.notificationRouter,
  jointItem: jointItem.jointItemRouter,
  dashboard: dashboard.dashboardRouter,
  home: home.homeRouter,
  liaison: mechanism.liaisonRouter,
  meeting: mechanism.meetingRouter,
  recuperation: recuperation.recuperationRouter,
  rightsCase: rights.rightsCaseRouter,
  referral: rights.referralRouter,
  rightsSla: rights.rightsSlaRouter,
  contest: contest.contestRouter,
  programme: programme.programmeRouter,
  platform: platform.platformRouter,
  cooperation: cooperation.cooperationRouter,
};

const registrations: (() => void)[] = [agreement.register, audit.register, dashboard.register, member.register, jointItem.register, recuperation.register, rights.register, contest.register, programme.register, mechanism.register, cooperation.register, notification.register];
let registered = false;

/** Runs every module's register() once (a second call does nothing). */
export function registerModules(): void {
  if (registered) return;
  registered = true;
  for (const register of registrations) register();
}
