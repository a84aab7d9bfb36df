// Joint programmes (思想共同引领, issue 10; docs/decisions/0012-programmes.md): venues, events under
// an agreement, sessions whose seats are a places-engine pool split per city, registrations
// (claims), QR check-in, attendance and learning records. Public surface for other modules.
import { registerCooperationProvider } from '../cooperation/index.ts';
import { registerDashboardPanel } from '../dashboard/index.ts';
import { programmeCooperation } from './programme.cooperation.ts';
import { registerPlaceConsumer } from '../place/index.ts';
import { programmeAttendancePanel } from './programme.panel.ts';
import { programmeSeats } from './waitlist.write.ts';
import { registerMemberSection } from '../home/index.ts';
import { learningSection, requestsSection, ticketsSection } from './registration.mine.ts';
import { registerWindDownStep } from '../agreement/index.ts';
import { programmeRequestWindDown, programmeWindDown } from './windDown.write.ts';
import { registerProgrammeDownloads } from './programme.download.ts';

export { programmeRouter } from './programme.router.ts';
export { createEvent, stepEvent } from './event.write.ts';
export { createSession } from './session.write.ts';
export { createVenue } from './venue.write.ts';
export { uploadMaterial } from './material.write.ts';
export { registerMember } from './registration.write.ts';
export { checkIn } from './checkin.write.ts';
export { recordWalkIn } from './walkin.write.ts';
export { giveFeedback } from './feedback.write.ts';
export { ticketToken } from './ticket.crypto.ts';
export { runProgrammeReminders } from './reminder.job.ts';

/** Registrations at start (modules/index.ts): the seats' consumer of the places engine, the dashboard panel, the nomination list's download. */
export function register(): void {
  registerMemberSection(ticketsSection);
  registerMemberSection(requestsSection);
  registerMemberSection(learningSection);
  registerPlaceConsumer(programmeSeats);
  registerDashboardPanel(programmeAttendancePanel);
  registerCooperationProvider(programmeCooperation);
  registerWindDownStep(programmeWindDown);
  registerWindDownStep(programmeRequestWindDown);
  registerProgrammeDownloads();
}
