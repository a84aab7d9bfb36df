import { asTenant, memberships, type Db } from '@uc/db';
import { arrayOverlaps, inArray } from 'drizzle-orm';
import { deliverNotice, staffOf, type Notice } from '../notification/index.ts';

/**
 * Notifies one party's leads of an item: the named people (the side's responsible person and
 * milestone owner) when they are active staff there, otherwise every holder of the 'lead' role.
 * In-app notice and email through the outbox, in each recipient's language, in the caller's
 * transaction; a notice whose dedupe key a user already has is not sent again.
 */
export async function notifyPartyLeads(tx: Db, target: { tenantId: string; slug: string }, named: string[], notice: Notice, publicUrl: string): Promise<number> {
  return asTenant(tx, target.tenantId, async () => {
    let recipients = named.length ? await staffOf(tx, target.tenantId, inArray(memberships.userId, named)) : [];
    if (!recipients.length) recipients = await staffOf(tx, target.tenantId, arrayOverlaps(memberships.roles, ['lead']));
    return deliverNotice(tx, target, recipients, notice, publicUrl);
  });
}
