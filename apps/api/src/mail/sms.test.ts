import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../modules/auth/index.ts';
import { lastSmsTo } from '../http/devSink.ts';
import { createHarness, testEnv, type Harness } from '../test/harness.ts';
import { createSmsProvider, deliverSms, sinkSmsProvider, type SmsProvider } from './sms.ts';

// SMS delivery through the HTTP gateway adapter, against a fake gateway on a loopback port.

interface Received {
  headers: IncomingHttpHeaders;
  body: { id: string; to: string; text: string };
}

async function startGateway() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.status === 200) received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(state.status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms`, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('SMS delivery', () => {
  let h: Harness;
  let gw: Awaited<ReturnType<typeof startGateway>>;
  let n = 0;

  beforeAll(async () => {
    h = await createHarness();
    gw = await startGateway();
  });
  afterAll(async () => {
    await gw?.close();
    await h?.close();
  });

  /** a fresh number with one activation code queued */
  const queue = async (at = h.now()) => {
    const mobile = `139${String(++n).padStart(8, '0')}`;
    await issueCode(h.t.db, { mobile, purpose: 'activate', ip: null, now: at, text: (code) => `【工会协作平台】验证码 ${code}，10 分钟内有效。` });
    return mobile;
  };
  const row = async (mobile: string) =>
    (await h.t.query<{ id: string; status: string; attempts: number; body: string; last_error: string | null }>(`select id, status, attempts, body, last_error from sms_outbox where to_mobile = $1`, [mobile]))[0]!;
  const gateway = () => createSmsProvider(testEnv({ SMS_URL: gw.url, SMS_TOKEN: 'gw-secret' }));
  const minutes = (m: number) => new Date(h.now().getTime() + m * 60_000);

  it('posts each message to the gateway with the token and a stable idempotency key, then blanks the code in the table', async () => {
    const mobile = await queue();
    const { id } = await row(mobile);
    expect(await deliverSms(h.t.db, gateway(), h.now())).toBeGreaterThanOrEqual(1);
    const got = gw.received.find((r) => r.body.to === mobile)!;
    expect(got.headers.authorization).toBe('Bearer gw-secret');
    expect(got.headers['idempotency-key']).toBe(id);
    expect(got.body).toMatchObject({ id, to: mobile });
    expect(got.body.text).toMatch(/验证码 \d{6}，/);
    const after = await row(mobile);
    expect(after).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(after.body).toBe('【工会协作平台】验证码 ******，10 分钟内有效。');
    // a second pass sends nothing again
    const before = gw.received.length;
    await deliverSms(h.t.db, gateway(), minutes(1));
    expect(gw.received.length).toBe(before);
  });

  it('retries a gateway that is down after a backoff, keeping the message and its code until it is sent', async () => {
    const mobile = await queue();
    gw.state.status = 503;
    try {
      expect(await deliverSms(h.t.db, gateway(), h.now())).toBe(0);
    } finally {
      gw.state.status = 200;
    }
    const failed = await row(mobile);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMS gateway answered 503' });
    expect(failed.body).toMatch(/\d{6}/);
    // inside the backoff (a minute after the first failure) nothing is sent
    await deliverSms(h.t.db, gateway(), new Date(h.now().getTime() + 30_000));
    expect(gw.received.some((r) => r.body.to === mobile)).toBe(false);
    await deliverSms(h.t.db, gateway(), minutes(2));
    expect(gw.received.filter((r) => r.body.to === mobile)).toHaveLength(1);
    expect(await row(mobile)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('gives up at once on a refusal retrying cannot fix (a 4xx other than 429)', async () => {
    const mobile = await queue();
    gw.state.status = 400;
    try {
      await deliverSms(h.t.db, gateway(), h.now());
    } finally {
      gw.state.status = 200;
    }
    expect(await row(mobile)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'SMS gateway answered 400' });
    await deliverSms(h.t.db, gateway(), minutes(120));
    expect(gw.received.some((r) => r.body.to === mobile)).toBe(false);
  });

  it('a sender that dies mid-send leaves its messages leased; after the lease they go out once more under the same key', async () => {
    const mobile = await queue();
    const { id } = await row(mobile);
    // a sender whose gateway call never returns: it has claimed the row and then the process died
    const hung: SmsProvider = { concurrency: 1, keepsBody: false, send: () => new Promise(() => {}) };
    void deliverSms(h.t.db, hung, h.now());
    await expect.poll(async () => (await h.t.query<{ c: unknown }>(`select claimed_until as c from sms_outbox where id = $1`, [id]))[0]!.c).not.toBeNull();
    // another process during the lease does not send it
    await deliverSms(h.t.db, gateway(), minutes(1));
    expect(gw.received.some((r) => r.body.id === id)).toBe(false);
    // after the lease it goes out, with the same idempotency key the dead sender used
    await deliverSms(h.t.db, gateway(), minutes(3));
    expect(gw.received.filter((r) => r.body.id === id).map((r) => r.headers['idempotency-key'])).toEqual([id]);
  });

  it('without a gateway the development sink keeps the text for /__dev/sms and marks it sent', async () => {
    expect(createSmsProvider(testEnv({}))).toBe(sinkSmsProvider);
    const mobile = await queue();
    await deliverSms(h.t.db, sinkSmsProvider, h.now());
    expect(await row(mobile)).toMatchObject({ status: 'sent' });
    expect((await lastSmsTo(h.t.db, mobile)).body).toMatch(/验证码 \d{6}，/);
  });
});
