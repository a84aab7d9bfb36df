import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callerFor, createHarness, makeFederation, makeStaff, testEnv, type Harness, type TestFederation, type TestUser } from '../test/harness.ts';
import { backoffMs, createSender, deliverOutbox, type Mail, type Sender } from './mailer.ts';

// Outbox delivery through a real SMTP server on a loopback port (DESIGN §1: tests use a real SMTP sink).

interface Received {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
}

/** An SMTP server on a random loopback port; `reject` makes it refuse every recipient. */
async function startSink() {
  const received: Received[] = [];
  const state = { reject: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.reject) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ messageId: header(raw, 'message-id'), to: session.envelope.rcptTo.map((r) => r.address), subject: decodeWords(header(raw, 'subject')), text: bodyText(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function header(raw: string, name: string): string {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** RFC 2047 encoded words; adjacent words are joined before decoding (a character may span two) */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
      const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, enc, text]) =>
        enc!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : qp(text!.replace(/_/g, ' ')),
      );
      return Buffer.concat(bytes).toString('utf8');
    });
}

const qp = (s: string) => {
  const out: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      out.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(src.charCodeAt(i));
  }
  return Buffer.from(out);
};

function bodyText(raw: string): string {
  const at = raw.search(/\r?\n\r?\n/);
  const body = raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const encoding = header(raw, 'content-transfer-encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return qp(body).toString('utf8');
  return body;
}

describe('outbox delivery over SMTP', () => {
  let h: Harness;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let A: TestFederation;
  let admin: TestUser;

  beforeAll(async () => {
    h = await createHarness();
    sink = await startSink();
    A = await makeFederation(h, 'mail');
    admin = await makeStaff(h, A, ['admin']);
  });
  afterAll(async () => {
    await sink?.close();
    await h?.close();
  });

  const outboxRow = async (email: string) =>
    (
      await h.t.query<{ status: string; attempts: number; last_error: string | null; sent_at: unknown }>(
        `select status, attempts, last_error, sent_at from outbox where tenant_id = $1 and to_email = $2`,
        [A.id, email],
      )
    )[0]!;
  const invite = async () => {
    const email = `mail-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`;
    const { link } = await (await callerFor(h, admin, A)).staff.invite({ email, displayName: '陈静', roles: ['officer'] });
    return { email, link };
  };
  // the sender is built from the environment, exactly as the app builds it
  const sender = (smtpUrl: string) => createSender(testEnv({ SMTP_URL: smtpUrl, MAIL_FROM: 'Union Commons <noreply@union-commons.test>' }));

  it('delivers the invitation email with its Chinese subject and the link, and marks the row sent', async () => {
    const { email, link } = await invite();
    const sent = await deliverOutbox(h.t.db, sender(sink.url), h.now());
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = sink.received.find((m) => m.to.includes(email));
    expect(mail, 'the email arrived').toBeDefined();
    expect(mail!.subject).toBe(`【工会协作平台】mail市总工会邀请您加入 / Invitation to mail FTU`);
    expect(mail!.text).toContain('陈静，您好');
    expect(mail!.text).toContain(link);
    const row = await outboxRow(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.sent_at).not.toBeNull();
    // a second pass sends nothing again
    const before = sink.received.length;
    await deliverOutbox(h.t.db, sender(sink.url), h.now());
    expect(sink.received.length).toBe(before);
  });

  it('counts a failed attempt, keeps the row pending, and sends it on a later pass', async () => {
    const { email, link } = await invite();
    sink.state.reject = true;
    try {
      expect(await deliverOutbox(h.t.db, sender(sink.url), h.now())).toBe(0);
    } finally {
      sink.state.reject = false;
    }
    let row = await outboxRow(email);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/550|mailbox unavailable/);
    expect(sink.received.some((m) => m.to.includes(email))).toBe(false);

    // not before its backoff
    expect(await deliverOutbox(h.t.db, sender(sink.url), h.now())).toBe(0);
    expect(await deliverOutbox(h.t.db, sender(sink.url), new Date(h.now().getTime() + backoffMs(1)))).toBe(1);
    row = await outboxRow(email);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(sink.received.find((m) => m.to.includes(email))?.text).toContain(link);
  });

  it('gives up after 5 failed attempts when the server cannot be reached', async () => {
    const { email } = await invite();
    const down = await startSink();
    const deadUrl = down.url;
    await down.close(); // nothing listens on that port any more
    const later = (i: number) => new Date(h.now().getTime() + i * 60 * 60 * 1000);
    for (let i = 1; i <= 5; i++) {
      await deliverOutbox(h.t.db, sender(deadUrl), later(i));
      const row = await outboxRow(email);
      expect(row.attempts).toBe(i);
      expect(row.status).toBe(i < 5 ? 'pending' : 'failed');
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    // a failed row is left alone afterwards, even when the server is back
    await deliverOutbox(h.t.db, sender(sink.url), later(6));
    expect(await outboxRow(email)).toMatchObject({ status: 'failed', attempts: 5 });
    expect(sink.received.some((m) => m.to.includes(email))).toBe(false);
  });

  it('delivers each message once when two senders run at once, with a Message-ID of its own', async () => {
    const emails = await Promise.all(Array.from({ length: 30 }, () => invite().then((i) => i.email)));
    const before = sink.received.length;
    const env = testEnv({ SMTP_URL: sink.url, SMTP_CONNECTIONS: '4', MAIL_FROM: 'Union Commons <noreply@union-commons.test>' });
    const [a, b] = await Promise.all([deliverOutbox(h.t.db, createSender(env), h.now()), deliverOutbox(h.t.db, createSender(env), h.now())]);
    expect(a + b).toBe(30);
    const got = sink.received.slice(before);
    expect(got.map((m) => m.to[0]).sort()).toEqual([...emails].sort());
    const ids = got.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect(id).toMatch(/^<outbox\.[0-9a-f-]+\.[0-9a-f-]+@union-commons\.test>$/);
    for (const e of emails) expect(await outboxRow(e)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('after a sender dies between sending and recording, a later pass repeats only what was not recorded, under the same Message-ID', async () => {
    const emails = await Promise.all(Array.from({ length: 12 }, () => invite().then((i) => i.email)));
    const mine = (m: Mail) => emails.includes(m.to);
    const first: Mail[] = [];
    // the process "dies" on its 8th message: that send never returns, so nothing it sent is recorded as sent
    let reached = 0;
    const dying: Sender = async (m) => {
      if (mine(m)) first.push(m);
      if (++reached >= 8) await new Promise(() => {});
    };
    dying.concurrency = 1;
    void deliverOutbox(h.t.db, dying, h.now());
    while (reached < 8) await new Promise((r) => setImmediate(r));

    const later: Mail[] = [];
    const recording: Sender = async (m) => void (mine(m) && later.push(m));
    // while the dead sender's lease runs, nobody else sends its messages (it might still be alive)
    await deliverOutbox(h.t.db, recording, new Date(h.now().getTime() + 10_000));
    expect(later).toEqual([]);
    // after the lease: every message goes out; the repeats are the dead sender's, each with its first Message-ID
    await deliverOutbox(h.t.db, recording, new Date(h.now().getTime() + 6 * 60_000));
    expect(later.map((m) => m.to).sort()).toEqual([...emails].sort());
    const keyOf = new Map(later.map((m) => [m.to, m.messageKey]));
    expect(new Set(keyOf.values()).size).toBe(12);
    for (const m of first) expect(keyOf.get(m.to)).toBe(m.messageKey);
    for (const e of emails) expect(await outboxRow(e)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('writes the email to the log when no SMTP_URL is set (development)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await createSender(testEnv())({ to: 'dev@example.test', subject: '主题', text: '正文' });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('to=dev@example.test subject=主题'));
    } finally {
      log.mockRestore();
    }
  });
});
