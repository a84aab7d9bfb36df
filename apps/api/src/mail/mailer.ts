import { federations, outbox, rowsOf, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../env.ts';
import { drain, type Outcome } from './drain.ts';

export const MAX_ATTEMPTS = 5;
/**
 * How long a claimed message is a sender's own: a live sender renews the lease of what it still
 * holds every LEASE_MS / 3, so after a crash (kill -9 mid-pass) another pass sends it again within
 * LEASE_MS — seconds, not the five minutes it took when the lease covered a whole pass (issue 14).
 */
export const LEASE_MS = 30 * 1000;
/** messages claimed per statement */
const CLAIM_BATCH = 200;
/** the wait before the next attempt after `attempts` failures: 1, 2, 4, 8 … minutes, at most an hour */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60 * 1000;

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** the local part of a Message-ID stable per outbox message: a repeat after a crash is the same message to the receiving server */
  messageKey?: string;
}
export type SendMail = (mail: Mail) => Promise<void>;
export interface Sender {
  (mail: Mail): Promise<void>;
  /** messages the sender can have in flight at once (its pooled SMTP connections) */
  concurrency?: number;
}

/**
 * SMTP when SMTP_URL is set (a pool of SMTP_CONNECTIONS connections, reused across messages);
 * otherwise the message is written to the log (development).
 */
export function createSender(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'> & Partial<Pick<Env, 'SMTP_CONNECTIONS'>>): Sender {
  if (!env.SMTP_URL) {
    return async (m) => console.log(`[mail] to=${m.to} subject=${m.subject}\n${m.text}`);
  }
  const connections = env.SMTP_CONNECTIONS ?? 16;
  const transport: Transporter = nodemailer.createTransport({ url: env.SMTP_URL, pool: true, maxConnections: connections, maxMessages: Infinity } as never);
  const domain = /@([^>\s]+)/.exec(env.MAIL_FROM)?.[1] ?? 'union-commons.local';
  const send: Sender = async (m) => {
    await transport.sendMail({ from: env.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, ...(m.messageKey ? { messageId: `<${m.messageKey}@${domain}>` } : {}) });
  };
  send.concurrency = connections;
  return send;
}

/** The Message-ID's local part of an outbox message: the same on every attempt. */
export const messageKeyOf = (tenantId: string, id: string) => `outbox.${tenantId}.${id}`;

type OutboxRow = typeof outbox.$inferSelect;

/** Claims up to `limit` due messages of one federation for LEASE_MS (FOR UPDATE SKIP LOCKED: concurrent senders take different rows). */
async function claim(db: Db, tenantId: string, limit: number, now: Date): Promise<OutboxRow[]> {
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  const at = now.toISOString();
  return withTenant(db, tenantId, async (tx) => {
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update ${outbox} o set claimed_until = ${until}
        where o.tenant_id = ${tenantId} and o.id in (
          select id from ${outbox}
          where tenant_id = ${tenantId} and status = 'pending' and attempts < ${MAX_ATTEMPTS}
            and (next_attempt_at is null or next_attempt_at <= ${at}) and (claimed_until is null or claimed_until <= ${at})
          order by created_at limit ${limit}
          for update skip locked)
        returning o.id`),
    );
    if (!rows.length) return [];
    return tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.tenantId, tenantId), inArray(outbox.id, rows.map((r) => r.id))))
      .orderBy(asc(outbox.createdAt));
  });
}

/** Records a batch of outcomes in one statement: sent, or pending with its backoff, or failed for good. */
async function settle(db: Db, tenantId: string, outcomes: Outcome[], now: Date): Promise<void> {
  if (!outcomes.length) return;
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.error === null ? 'sent' : o.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
    error: o.error,
    next: o.error === null ? null : new Date(now.getTime() + backoffMs(o.attempts + 1)).toISOString(),
  }));
  await withTenant(db, tenantId, (tx) =>
    tx.execute(sql`
      update ${outbox} o set status = x.status, last_error = x.error, attempts = o.attempts + 1, claimed_until = null,
        next_attempt_at = x.next, sent_at = case when x.status = 'sent' then ${now.toISOString()}::timestamptz end
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, status text, error text, next timestamptz)
      where o.tenant_id = ${tenantId} and o.id = x.id`),
  );
}

/**
 * Sends what each federation's outbox holds: claimed in batches, `send.concurrency` messages in
 * flight (the SMTP pool), outcomes recorded in batches; a failure is retried on a later pass
 * after its backoff, and given up after MAX_ATTEMPTS. Safe to run in several processes at once.
 */
export async function deliverOutbox(db: Db, send: Sender, now = new Date()): Promise<number> {
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  let sent = 0;
  for (const fed of feds) {
    const started = Date.now();
    sent += await drain<OutboxRow>({
      width: send.concurrency ?? 1,
      claimBatch: CLAIM_BATCH,
      claim: (limit) => claim(db, fed.id, limit, now),
      send: (m) => send({ to: m.toEmail, subject: m.subject, text: m.bodyText, messageKey: messageKeyOf(m.tenantId, m.id) }),
      settle: (outcomes) => settle(db, fed.id, outcomes, now),
      // the lease of what this pass still holds, moved on with the pass's own clock (`now` + time spent)
      renew: {
        everyMs: LEASE_MS / 3,
        lease: (ids) => {
          const until = new Date(now.getTime() + (Date.now() - started) + LEASE_MS).toISOString();
          return withTenant(db, fed.id, (tx) =>
            tx.execute(sql`update ${outbox} set claimed_until = ${until} where tenant_id = ${fed.id} and status = 'pending' and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
          );
        },
      },
    });
  }
  return sent;
}
