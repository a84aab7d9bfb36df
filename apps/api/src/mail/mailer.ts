import { federations, outbox, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, asc, eq, lt } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../env.ts';

const MAX_ATTEMPTS = 5;

export interface Mail {
  to: string;
  subject: string;
  text: string;
}
export type SendMail = (mail: Mail) => Promise<void>;

/** SMTP when SMTP_URL is set; otherwise the message is written to the log (development). */
export function createSender(env: Pick<Env, 'SMTP_URL' | 'MAIL_FROM'>): SendMail {
  if (!env.SMTP_URL) {
    return async (m) => console.log(`[mail] to=${m.to} subject=${m.subject}\n${m.text}`);
  }
  const transport: Transporter = nodemailer.createTransport(env.SMTP_URL);
  return async (m) => {
    await transport.sendMail({ from: env.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
  };
}

/** Sends what each federation's outbox holds; failures are retried on the next pass. */
export async function deliverOutbox(db: Db, send: SendMail, now = new Date()): Promise<number> {
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  let sent = 0;
  for (const fed of feds) {
    const pending = await withTenant(db, fed.id, (tx) =>
      tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.tenantId, fed.id), eq(outbox.status, 'pending'), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(asc(outbox.createdAt))
        .limit(50),
    );
    for (const m of pending) {
      let status = 'sent';
      let lastError: string | null = null;
      try {
        await send({ to: m.toEmail, subject: m.subject, text: m.bodyText });
        sent++;
      } catch (e) {
        status = m.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
        lastError = String((e as Error).message ?? e).slice(0, 500);
      }
      await withTenant(db, fed.id, (tx) =>
        tx
          .update(outbox)
          .set({ status, lastError, attempts: m.attempts + 1, sentAt: status === 'sent' ? now : null })
          .where(and(eq(outbox.tenantId, fed.id), eq(outbox.id, m.id))),
      );
    }
  }
  return sent;
}
