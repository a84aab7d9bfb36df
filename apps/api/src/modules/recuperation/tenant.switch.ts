import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

/**
 * Runs ONE statement with app.tenant_id set to `tenantId` (the host, to write its batch or read
 * its waitlist), then back to ctx.tenantId — the transaction's tenant in this module's services.
 * The three statements are sent together (pipelined on the transaction's connection, executed
 * in order): one round trip instead of three on the booking path. `statement` must issue exactly
 * one query (a Drizzle builder), or its later queries would run after the switch back.
 */
export async function asTenantOf<T>(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>, tenantId: string, statement: () => PromiseLike<T>): Promise<T> {
  if (tenantId === ctx.tenantId) return statement();
  const [, result] = await Promise.all([
    ctx.db.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`),
    statement(),
    ctx.db.execute(sql`select set_config('app.tenant_id', ${ctx.tenantId}, true)`),
  ]);
  return result;
}
