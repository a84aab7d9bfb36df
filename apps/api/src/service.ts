import type { Role } from '@uc/contracts';
import type { Db } from '@uc/db';
import type { Env } from './env.ts';

export interface Actor {
  userId: string | null;
  /** how the audit log names them: email, or 'system' for jobs and seeding */
  label: string;
  ip: string | null;
  userAgent: string | null;
  roles: Role[];
  /** set for a member account: the member record it acts for */
  memberId: string | null;
  /** a staff membership limited to this org unit and the units below it (absent/null: the whole federation) */
  orgUnitId?: string | null;
}

/** What every tenant service receives. db is already a transaction in the tenant's context. */
export interface ServiceCtx {
  db: Db;
  tenantId: string;
  actor: Actor;
  now: Date;
  locale: string;
  env: Pick<Env, 'memberIdKey' | 'publicUrl'>;
}

/**
 * What a service without a federation receives: sign-in, invitations, the signed-in user's own
 * account and sessions. db is the pool (each service opens its own short transactions).
 */
export interface UserCtx {
  db: Db;
  now: Date;
  ip: string | null;
  userAgent: string | null;
}

export const systemActor: Actor = { userId: null, label: 'system', ip: null, userAgent: null, roles: [], memberId: null };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
