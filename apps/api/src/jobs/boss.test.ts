import { outbox, withTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail } from '../mail/mailer.ts';
import { createHarness, makeFederation, type Harness } from '../test/harness.ts';
import { QUEUES, startJobs, type Jobs } from './boss.ts';

/** On the server pg-boss connects as the schema owner: the test database's owner, not uc_app. */
function ownerUrl(h: Harness): string | undefined {
  if (!h.t.appUrl || !process.env.TEST_DATABASE_URL) return undefined;
  const url = new URL(h.t.appUrl);
  const server = new URL(process.env.TEST_DATABASE_URL);
  url.username = server.username;
  url.password = server.password;
  return url.toString();
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('pg-boss jobs', () => {
  let h: Harness;
  let jobs: Jobs;
  const sent: Mail[] = [];

  beforeAll(async () => {
    h = await createHarness();
    jobs = await startJobs({ db: h.t, env: h.env, ownerUrl: ownerUrl(h), send: async (m) => void sent.push(m) });
  });
  afterAll(async () => {
    await jobs?.stop();
    await h?.close();
  });

  it('keeps its own schema and schedules the outbox every minute and the expiry pass daily at 00:05 China time', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual([
      [QUEUES.agreementExpiry, '5 0 * * *', 'Asia/Shanghai'],
      [QUEUES.agreementWindDown, '* * * * *', 'Asia/Shanghai'],
      [QUEUES.auditAnchor, '15 0 * * *', 'Asia/Shanghai'],
      [QUEUES.milestoneOverdue, '30 8 * * *', 'Asia/Shanghai'],
      [QUEUES.outbox, '* * * * *', 'Asia/Shanghai'],
      [QUEUES.placeOffers, '* * * * *', 'Asia/Shanghai'],
      [QUEUES.programmeReminders, '0 * * * *', 'Asia/Shanghai'],
      [QUEUES.rightsSla, '*/15 * * * *', 'Asia/Shanghai'],
    ]);
    const [schema] = await h.t.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema = 'pgboss'`);
    expect(Number(schema!.n)).toBeGreaterThan(0);
  });

  it('delivers queued email when asked, through the outbox.deliver job', async () => {
    const fed = await makeFederation(h, 'hz');
    await withTenant(h.t.db, fed.id, (tx) =>
      tx.insert(outbox).values({ tenantId: fed.id, toEmail: 'someone@example.test', subject: '【工会协作平台】测试', bodyText: '你好' }),
    );
    await jobs.deliverSoon();
    const mail = await eventually('the email', async () => sent.find((m) => m.to === 'someone@example.test'));
    expect(mail.subject).toBe('【工会协作平台】测试');
    const [row] = await h.t.query<{ status: string }>(`select status from outbox where tenant_id = $1`, [fed.id]);
    expect(row!.status).toBe('sent');
  });

  it('runs the agreement expiry pass as a job', async () => {
    const id = await jobs.boss.send(QUEUES.agreementExpiry, null);
    expect(id).toBeTruthy();
    const done = await eventually('the expiry job', async () => {
      const [job] = await jobs.boss.findJobs(QUEUES.agreementExpiry, { id: id! });
      return job && ['completed', 'failed'].includes(job.state) ? job : null;
    });
    expect(done.state).toBe('completed');
  });
});
