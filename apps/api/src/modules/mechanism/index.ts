// Liaison pairs and joint meetings.
export { liaisonRouter } from './liaison.router.ts';
export { meetingRouter } from './meeting.router.ts';
export { createLiaisonPair, updateLiaisonPair } from './liaison.write.ts';
export { listLiaisonPairs } from './liaison.query.ts';
export { createMeeting, updateMeeting } from './meeting.write.ts';
export { listMeetings } from './meeting.query.ts';
