import { rowsOf, smsOutbox, withoutTenant, type Db } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { Env } from '../env.ts';
import { drain, type Outcome } from './drain.ts';
import { backoffMs, MAX_ATTEMPTS } from './mailer.ts';

// SMS delivery (issue 12, docs/decisions/0037-sms-provider.md): the sms_outbox rows that
// auth/smsCode.write.ts queues are sent by a provider after commit. Without SMS_URL the provider is
// the development sink: the row stays readable by /__dev/sms and the log shows it masked. With
// SMS_URL it is an HTTP gateway; once a message is accepted its digits are blanked in the table,
// so one-time codes do not outlive their delivery in the database.

export interface Sms {
  /** stable per outbox row: a gateway that sees the same key twice sends once */
  id: string;
  to: string;
  text: string;
}

export interface SmsProvider {
  send(sms: Sms): Promise<void>;
  /** messages in flight at once */
  concurrency: number;
  /** true for the development sink: the body stays in the table for the sink to read */
  keepsBody: boolean;
}

/** A refusal the gateway will give again (bad number, bad credentials): not retried. */
export class PermanentSmsError extends Error {}

const SEND_TIMEOUT_MS = 10_000;
/** a claimed row is this sender's for LEASE_MS; a crashed sender's rows go out after it */
const LEASE_MS = 2 * 60 * 1000;
/** claimed per statement: with SEND_TIMEOUT_MS per message the lease covers the whole batch */
const CLAIM_BATCH = 20;

const mask = (mobile: string) => (mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****');
/** a one-time code: a run of 4–8 digits standing alone (not a port after ':', not part of a word or longer number) */
const CODE = '(?<![:0-9A-Za-z])[0-9]{4,8}(?![0-9A-Za-z])';
/** the text with its codes blanked, as the log and (once delivered) the table keep it */
export const redact = (text: string) => text.replace(new RegExp(CODE, 'g'), '******');

/**
 * The HTTP gateway: POST SMS_URL with JSON { id, to, text }, `Authorization: Bearer SMS_TOKEN` and
 * `Idempotency-Key: id`. 2xx is delivered; 429 and 5xx are retried after a backoff; other 4xx are
 * refusals retrying cannot fix.
 */
export function httpSmsProvider(url: string, token: string | undefined, concurrency = 4): SmsProvider {
  return {
    concurrency,
    keepsBody: false,
    async send(sms) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': sms.id, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(sms),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (res.ok) return;
      const why = `SMS gateway answered ${res.status}`;
      if (res.status === 429 || res.status >= 500) throw new Error(why);
      throw new PermanentSmsError(why);
    },
  };
}

/** The development and test sink: the log, masked (the row itself is what /__dev/sms reads). */
export const sinkSmsProvider: SmsProvider = {
  concurrency: 1,
  keepsBody: true,
  async send(sms) {
    console.info(`[sms] to ${mask(sms.to)}: ${redact(sms.text)}`);
  },
};

export function createSmsProvider(env: Pick<Env, 'SMS_URL' | 'SMS_TOKEN'>): SmsProvider {
  return env.SMS_URL ? httpSmsProvider(env.SMS_URL, env.SMS_TOKEN) : sinkSmsProvider;
}

type Row = { id: string; attempts: number; to_mobile: string; body: string };

async function claim(db: Db, limit: number, now: Date): Promise<Row[]> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + LEASE_MS).toISOString();
  return withoutTenant(db, async (tx) =>
    rowsOf<Row>(
      await tx.execute(sql`
        update ${smsOutbox} o set claimed_until = ${until}
        where o.id in (
          select id from ${smsOutbox}
          where status = 'pending' and attempts < ${MAX_ATTEMPTS}
            and (next_attempt_at is null or next_attempt_at <= ${at}) and (claimed_until is null or claimed_until <= ${at})
          order by created_at limit ${limit}
          for update skip locked)
        returning o.id, o.attempts, o.to_mobile, o.body`),
    ),
  );
}

async function settle(db: Db, outcomes: (Outcome & { permanent: boolean })[], keepsBody: boolean, now: Date): Promise<void> {
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.error === null ? 'sent' : o.permanent || o.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending',
    error: o.error,
    next: o.error === null ? null : new Date(now.getTime() + backoffMs(o.attempts + 1)).toISOString(),
  }));
  await withoutTenant(db, (tx) =>
    tx.execute(sql`
      update ${smsOutbox} o set status = x.status, last_error = x.error, attempts = o.attempts + 1, claimed_until = null,
        next_attempt_at = x.next, sent_at = case when x.status = 'sent' then ${now.toISOString()}::timestamptz end,
        body = case when x.status = 'pending' or ${keepsBody} then o.body else regexp_replace(o.body, ${CODE}, '******', 'g') end
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, status text, error text, next timestamptz)
      where o.id = x.id`),
  );
}

/** Sends the SMS outbox's due messages; safe in several processes at once (leases, SKIP LOCKED). */
export async function deliverSms(db: Db, provider: SmsProvider, now = new Date()): Promise<number> {
  const permanent = new Set<string>();
  return drain<Row>({
    width: provider.concurrency,
    claimBatch: CLAIM_BATCH,
    claim: (limit) => claim(db, limit, now),
    send: async (row) => {
      try {
        await provider.send({ id: row.id, to: row.to_mobile, text: row.body });
      } catch (e) {
        if (e instanceof PermanentSmsError) permanent.add(row.id);
        throw e;
      }
    },
    settle: (outcomes) => settle(db, outcomes.map((o) => ({ ...o, permanent: permanent.has(o.id) })), provider.keepsBody, now),
  });
}
