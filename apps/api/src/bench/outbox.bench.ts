import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createDb } from '@uc/db';
import { SMTPServer } from 'smtp-server';
import { createSender, deliverOutbox } from '../mail/mailer.ts';
import { createBenchDatabase, type Bench, type BenchOptions } from './lib/setup.ts';

// The notices of a busy day: `messages` queued emails (default 2,000) delivered by the outbox
// sender (mail/mailer.ts: batches claimed FOR UPDATE SKIP LOCKED, a pooled SMTP connection per
// message in flight) to a local SMTP sink that takes 1 s to accept each message (a slow relay).
// Prints: outbox: messages=… delivered=… duplicates=… per_s=… (duplicates: a Message-ID received twice).

const SINK_DELAY_MS = Number(process.env.BENCH_SMTP_DELAY_MS ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 64);

export const bench: Bench = {
  description: `the outbox sender, ${CONNECTIONS} pooled SMTP connections, to a sink that takes ${SINK_DELAY_MS} ms per message`,
  async run(opts: BenchOptions) {
    const messages = opts.scale ?? 2000;
    const db = await createBenchDatabase();
    const seen = new Map<string, number>();
    const sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const id = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '';
          setTimeout(() => {
            seen.set(id, (seen.get(id) ?? 0) + 1);
            callback();
          }, SINK_DELAY_MS);
        });
      },
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    const port = (sink.server.address() as AddressInfo).port;
    const app = await createDb({ kind: 'postgres', url: db.appUrl, max: 4 });
    try {
      const [fed] = await db.owner.query<{ id: string }>(`insert into federation (slug, name_zh, name_en, city) values ('outbox-bench', '基准总工会', 'Bench FTU', '杭州') returning id`);
      await db.owner.tenant(fed!.id, (q) =>
        q(
          `insert into outbox (tenant_id, to_email, subject, body_text, created_at)
           select $1, 'm' || g || '@bench.test', '【工会协作平台】疗休养报名已提交', '您已报名西湖人文疗休养线。' || g, now() - (($2::int - g) || ' ms')::interval
           from generate_series(1, $2::int) g`,
          [fed!.id, messages],
        ),
      );
      const send = createSender({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Union Commons <noreply@union-commons.test>', SMTP_CONNECTIONS: CONNECTIONS });
      const t0 = performance.now();
      const delivered = await deliverOutbox(app.db, send, new Date());
      const seconds = (performance.now() - t0) / 1000;
      const [left] = await db.owner.tenant(fed!.id, (q) => q<{ n: number }>(`select count(*)::int as n from outbox where tenant_id = $1 and status <> 'sent'`, [fed!.id]));
      const duplicates = [...seen.values()].reduce((s, n) => s + n - 1, 0);
      console.log(`drained in ${seconds.toFixed(1)} s; ${left!.n} not sent; ${seen.size} distinct Message-IDs at the sink`);
      console.log(`outbox: messages=${messages} delivered=${delivered} duplicates=${duplicates} per_s=${(delivered / seconds).toFixed(1)}`);
    } finally {
      await app.close();
      await new Promise<void>((r) => sink.close(() => r()));
      await db.drop();
      console.log(`dropped ${db.name}`);
    }
  },
};
