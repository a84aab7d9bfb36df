// Recuperation's public surface (what http, jobs, the seed and other modules use); the module's
// only entry point. Internals: types → repo → query/write use cases (docs/architecture.md).
import { registerCooperationProvider } from '../cooperation/index.ts';
import { registerDashboardPanel } from '../dashboard/index.ts';
import { recuperationCooperation } from './recuperation.cooperation.ts';
import { registerPlaceConsumer } from '../place/index.ts';
import { recuperationPlacesPanel } from './quota.panel.ts';
import { registerRecuperationDownloads } from './recuperation.download.ts';
import { recuperationPlaces } from './waitlist.write.ts';
import { registerTodoSource } from '../home/index.ts';
import { bookingTodo } from './recuperation.todo.ts';
import { registerMemberSection } from '../home/index.ts';
import { staysSection } from './booking.mine.ts';
import { onAgreementActivated, registerWindDownStep } from '../agreement/index.ts';
import { followAgreedFigure } from './quota.write.ts';
import { recuperationWindDown } from './windDown.write.ts';

export { createBase } from './base.write.ts';
export { createBatch } from './batch.write.ts';
export { acceptOffer, approve, cancel, confirm } from './booking.write.ts';
export { book } from './booking.book.ts';
export { checkIn, complete, markNoShow } from './checkin.write.ts';
export { nominate } from './nomination.write.ts';
export { createPolicy } from './policy.write.ts';
export { ZHEJIANG_POLICY } from './policy.rules.ts';
export { allocate } from './quota.write.ts';
export { recuperationRouter } from './recuperation.router.ts';
export { createRoute } from './route.write.ts';
export { expireOffer, fillFromWaitlist, recuperationPlaces } from './waitlist.write.ts';

/** Registrations at start (modules/index.ts): roster downloads, the places-used panel, the places consumer. */
export function register(): void {
  registerMemberSection(staysSection);
  registerTodoSource(bookingTodo);
  registerRecuperationDownloads();
  registerDashboardPanel(recuperationPlacesPanel);
  registerCooperationProvider(recuperationCooperation);
  registerPlaceConsumer(recuperationPlaces);
  registerWindDownStep(recuperationWindDown);
  onAgreementActivated(followAgreedFigure);
}
