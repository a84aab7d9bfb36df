import { registerMemberSection } from '../home/index.ts';
import { noticesSection } from './notification.mine.ts';
// Notices in the app and by email (the outbox), in each recipient's language.
export { renderNotice } from './notification.notices.ts';
export type { NoticeKind } from './notification.notices.ts';
export { notificationRouter } from './notification.router.ts';
export { deliverNotice, mailSubject, notifyFederation, staffOf } from './notification.write.ts';
export type { Notice } from './notification.write.ts';

/** Registrations at start (modules/index.ts): the notices section of the member's 我的 page. */
export function register(): void {
  registerMemberSection(noticesSection);
}
