// Liaison pairs and joint meetings.
export { liaisonRouter } from './liaison.router.ts';
export { meetingRouter } from './meeting.router.ts';
