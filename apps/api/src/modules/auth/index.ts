// Sign-in, sessions and accepting invitations; the HTTP server and the test harness read sessions through here.
export { authRouter, passwordConfirmedProcedure } from './auth.router.ts';
export { hashPassword } from './password.crypto.ts';
export {
  SESSION_COOKIE,
  createSession,
  generateSessionToken,
  readCookie,
  readSessionInTx,
  sessionCookie,
  settleSession,
  validateSessionToken,
  wellFormedToken,
} from './session.write.ts';
export type { AuthSession } from './session.write.ts';
export { consumeCode, issueCode, maskMobile } from './smsCode.write.ts';
export { meOfNewSession } from './auth.query.ts';
export { lookupThrottled } from './throttle.write.ts';
export { acceptInvitation } from './invitation.write.ts';
