import { federations, outbox, withoutTenant, withTenant } from '@uc/db';
import { and, asc, eq, lt } from 'drizzle-orm';
import nodemailer from 'nodemailer';
const MAX_ATTEMPTS = 5;
/** SMTP when SMTP_URL is set; otherwise the message is written to the log (development). */
export function createSender(env) {
    if (!env.SMTP_URL) {
        return async (m) => console.log(`[mail] to=${m.to} subject=${m.subject}\n${m.text}`);
    }
    const transport = nodemailer.createTransport(env.SMTP_URL);
    return async (m) => {
        await transport.sendMail({ from: env.MAIL_FROM, to: m.to, subject: m.subject, text: m.text });
    };
}
/** Sends what each federation's outbox holds; failures are retried on the next pass. */
export async function deliverOutbox(db, send, now = new Date()) {
    const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
    let sent = 0;
    for (const fed of feds) {
        const pending = await withTenant(db, fed.id, (tx) => tx
            .select()
            .from(outbox)
            .where(and(eq(outbox.tenantId, fed.id), eq(outbox.status, 'pending'), lt(outbox.attempts, MAX_ATTEMPTS)))
            .orderBy(asc(outbox.createdAt))
            .limit(50));
        for (const m of pending) {
            let status = 'sent';
            let lastError = null;
            try {
                await send({ to: m.toEmail, subject: m.subject, text: m.bodyText });
                sent++;
            }
            catch (e) {
                status = m.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
                lastError = String(e.message ?? e).slice(0, 500);
            }
            await withTenant(db, fed.id, (tx) => tx
                .update(outbox)
                .set({ status, lastError, attempts: m.attempts + 1, sentAt: status === 'sent' ? now : null })
                .where(and(eq(outbox.tenantId, fed.id), eq(outbox.id, m.id))));
        }
    }
    return sent;
}
export function startMailer(db, env, intervalMs = 5000) {
    const send = createSender(env);
    let running = false;
    const timer = setInterval(() => {
        if (running)
            return;
        running = true;
        deliverOutbox(db, send)
            .catch((e) => console.error('[mail] delivery pass failed', e))
            .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
}
