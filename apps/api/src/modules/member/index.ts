// Members: the ID-number crypto other modules match members by, and the roster downloads.
import { registerMemberDownloads } from './member.download.ts';
import { registerMemberSection } from '../home/index.ts';
import { honoursSection } from './honour.mine.ts';

export { idNumberHmac, sealIdNumber } from './idNumber.crypto.ts';
export { memberRouter } from './member.router.ts';

/** Registrations at start (modules/index.ts): the roster export and import-template downloads. */
export function register(): void {
  registerMemberSection(honoursSection);
  registerMemberDownloads();
}
export { activateAccount, requestActivationCode } from './account.write.ts';
