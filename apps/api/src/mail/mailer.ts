import { federations, outbox, rowsOf, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../env.ts';

const MAX_ATTEMPTS = 5;
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

interface Outcome {
  id: string;
  error: string | null;
  attempts: number;
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
  const width = Math.max(1, send.concurrency ?? 1);
  let sent = 0;
  for (const fed of feds) {
    const queue: OutboxRow[] = [];
    let exhausted = false;
    let refilling: Promise<void> | null = null;
    const refill = () =>
      (refilling ??= claim(db, fed.id, Math.max(CLAIM_BATCH, width * 2), now).then((rows) => {
        if (!rows.length) exhausted = true;
        queue.push(...rows);
        for (const r of rows) held.add(r.id);
        refilling = null;
      }));
    let outcomes: Outcome[] = [];
    // the lease of what this pass still holds (queued or in flight), renewed while it runs
    const held = new Set<string>();
    const started = Date.now();
    const renew = setInterval(() => {
      if (!held.size) return;
      const until = new Date(now.getTime() + (Date.now() - started) + LEASE_MS).toISOString();
      void withTenant(db, fed.id, (tx) =>
        tx.execute(sql`update ${outbox} set claimed_until = ${until} where tenant_id = ${fed.id} and status = 'pending' and id in (select jsonb_array_elements_text(${JSON.stringify([...held])}::jsonb)::uuid)`),
      ).catch(() => {}); // a lost renewal only lets another sender repeat a message, under the same Message-ID
    }, LEASE_MS / 3);
    renew.unref();
    const flush = async () => {
      const batch = outcomes;
      outcomes = [];
      await settle(db, fed.id, batch, now);
    };
    const worker = async () => {
      for (;;) {
        while (!queue.length && !exhausted) await refill();
        const m = queue.shift();
        if (!m) return;
        let error: string | null = null;
        try {
          await send({ to: m.toEmail, subject: m.subject, text: m.bodyText, messageKey: messageKeyOf(m.tenantId, m.id) });
          sent++;
        } catch (e) {
          error = String((e as Error).message ?? e).slice(0, 500);
        }
        outcomes.push({ id: m.id, error, attempts: m.attempts });
        held.delete(m.id);
        if (outcomes.length >= 50) await flush();
      }
    };
    try {
      await Promise.all(Array.from({ length: width }, worker));
      await flush();
    } finally {
      clearInterval(renew);
    }
  }
  return sent;
}
