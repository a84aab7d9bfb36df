// Liaison pairs and joint meetings.
import { registerCooperationProvider } from '../cooperation/index.ts';
import { mechanismCooperation } from './mechanism.cooperation.ts';

export { liaisonRouter } from './liaison.router.ts';
export { meetingRouter } from './meeting.router.ts';
export { createLiaisonPair, updateLiaisonPair } from './liaison.write.ts';
export { listLiaisonPairs } from './liaison.query.ts';
export { createMeeting, updateMeeting } from './meeting.write.ts';
export { addDecision, decisionToItem } from './decision.write.ts';
export { listMeetings } from './meeting.query.ts';

/** Registrations at start (modules/index.ts): the mechanisms' section of the cooperation report. */
export function register(): void {
  registerCooperationProvider(mechanismCooperation);
}
