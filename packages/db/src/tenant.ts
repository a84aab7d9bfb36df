import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** The role every application query runs as: not superuser, not the owner, no BYPASSRLS. */
export const APP_ROLE = 'uc_app';

export interface TxContext {
  userId?: string | null;
}

/**
 * Runs fn in one transaction as APP_ROLE with app.tenant_id set for that transaction only
 * (set_config(..., true) is SET LOCAL), so a pooled connection never carries it further.
 */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Db) => Promise<T>, ctx: TxContext = {}): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${ctx.userId ?? ''}, true)`,
    );
    return fn(tx as unknown as Db);
  });
}

/** A transaction as APP_ROLE without a tenant: global tables only (users, sessions, federations). */
export function withoutTenant<T>(db: Db, fn: (tx: Db) => Promise<T>, ctx: TxContext = {}): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true), set_config('app.user_id', ${ctx.userId ?? ''}, true)`,
    );
    return fn(tx as unknown as Db);
  });
}

/**
 * A transaction as APP_ROLE without a tenant that sees one certificate by its number (the policies
 * *_certificate_by_number read app.certificate_number): the public verification page.
 */
export function withCertificateNumber<T>(db: Db, number: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', '', true), set_config('app.certificate_number', ${number}, true)`);
    return fn(tx as unknown as Db);
  });
}

/** Rows of a db.execute() result, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Within a tenant transaction, runs fn as another federation (to write its audit events or
 * notify its staff about a shared agreement), then restores the caller's tenant.
 */
export async function asTenant<T>(tx: Db, tenantId: string, fn: () => Promise<T>): Promise<T> {
  const [prev] = rowsOf<{ t: string | null }>(await tx.execute(sql`select current_setting('app.tenant_id', true) as t`));
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('app.tenant_id', ${prev?.t ?? ''}, true)`);
  }
}

/**
 * Runs ONE statement with app.tenant_id set to `tenantId` (the host, to move its pool's counter
 * or read its waitlist), then back to `currentTenantId` — the transaction's tenant. The three
 * statements are sent together (pipelined on the transaction's connection, executed in order):
 * one round trip instead of three on a booking's path. `statement` must issue exactly one query
 * (a Drizzle builder), or its later queries would run after the switch back.
 */
export async function asTenantOf<T>(tx: Db, currentTenantId: string, tenantId: string, statement: () => PromiseLike<T>): Promise<T> {
  if (tenantId === currentTenantId) return statement();
  const [, result] = await Promise.all([
    tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`),
    statement(),
    tx.execute(sql`select set_config('app.tenant_id', ${currentTenantId}, true)`),
  ]);
  return result;
}
