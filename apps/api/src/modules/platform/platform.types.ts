import type { Db } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import type { PlatformActor } from './platformAudit.write.ts';

/** What a platform service receives: the pool (it opens its own transactions), the operator, the time. */
export interface PlatformCtx {
  db: Db;
  now: Date;
  actor: PlatformActor;
  env: ServiceCtx['env'];
}
