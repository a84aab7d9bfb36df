import type { DbHandle } from '@uc/db';
import { fromPglite, PgBoss } from 'pg-boss';
import type { Env } from '../env.ts';
import { CHINA_TZ } from '../lib/dates.ts';
import { createSender, deliverOutbox, type SendMail } from '../mail/mailer.ts';
import { createSmsProvider, deliverSms, type SmsProvider } from '../mail/sms.ts';
import { runAgreementExpiry } from './agreement.expiry.ts';
import { runPlaceOffers } from '../modules/place/index.ts';
import { runRightsSla } from '../modules/rights/index.ts';
import { runAuditAnchors, sealAll } from '../modules/audit/index.ts';
import { runAgreementWindDown } from '../modules/agreement/index.ts';
import { runProgrammeReminders } from '../modules/programme/index.ts';
import { runMilestoneOverdue } from './milestone.overdue.ts';

// Background jobs on pg-boss, in the same database (DESIGN §1).
//
// pg-boss runs on its own connection as the schema OWNER, not as the app role: it installs and
// migrates its schema `pgboss` at start and its maintenance creates and drops queue tables, which
// a role limited to data access cannot do. Its tables are queue infrastructure, never tenant
// data: a job carries no tenant rows, and every job handler does its tenant work through
// withTenant on the app's handle, as uc_app under row-level security, like a request does.
// On PGlite (one embedded connection, superuser) pg-boss runs through the same client.
//
// Several API processes may run this. Each queue has the `stately` policy: at most one job of a
// queue is active and at most one waits, across all processes, so an outbox pass never runs twice
// at once (deliverOutbox reads pending rows, sends, then marks them, and is not safe to overlap)
// and extra triggers collapse into the one waiting pass. Schedules are kept in the database and
// pg-boss sends each occurrence once whichever process sees it first.

export const QUEUES = {
  outbox: 'outbox.deliver',
  agreementExpiry: 'agreements.expiry',
  agreementWindDown: 'agreements.wind_down',
  placeOffers: 'place.offers',
  milestoneOverdue: 'items.overdue',
  rightsSla: 'rights.sla',
  auditAnchor: 'audit.anchor',
  programmeReminders: 'programme.reminders',
} as const;

/** how often the audit sequencer chains what committed (docs/decisions/0024) */
export const SEAL_EVERY_MS = 2000;
/** how often the SMS outbox is looked at: a one-time code reaches the phone within seconds (decision 0037) */
export const SMS_EVERY_MS = 2000;

export interface JobsOptions {
  /** the app's handle (the app role on a server): job handlers do their tenant work through it */
  db: DbHandle;
  env: Env;
  /** pg-boss's own connection on a server; default MIGRATION_DATABASE_URL, else DATABASE_URL */
  ownerUrl?: string;
  /** default: SMTP from the environment */
  send?: SendMail;
  /** default: the SMS gateway from the environment, else the development sink */
  sms?: SmsProvider;
  now?: () => Date;
  /** register the cron schedules (off in tests that trigger jobs themselves) */
  schedule?: boolean;
}

export interface Jobs {
  boss: PgBoss;
  /** asks for an outbox pass now, e.g. right after a commit that queued email */
  deliverSoon(): Promise<void>;
  stop(): Promise<void>;
}

/** how often each process looks at the outbox besides the cron job and deliverSoon */
const OUTBOX_POLL_MS = 5_000;

export async function startJobs(opts: JobsOptions): Promise<Jobs> {
  const now = opts.now ?? (() => new Date());
  const send = opts.send ?? createSender(opts.env);
  const boss = createBoss(opts);
  boss.on('error', (e) => console.error('[jobs]', e));
  await boss.start();

  await boss.createQueue(QUEUES.outbox, { policy: 'stately', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600 });
  // the expiry pass is idempotent, so a failed run is simply retried
  await boss.createQueue(QUEUES.agreementExpiry, { policy: 'stately', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 });
  // the overdue pass alerts once per milestone and period whatever runs again (joint_milestone_alert), so a retry is safe
  await boss.createQueue(QUEUES.milestoneOverdue, { policy: 'stately', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 });
  // lapsed waitlist offers, due share releases, free places: each step re-checks under its locks, so a retry is safe
  // the SLA pass alerts once per referral, clock and level whatever runs again (rights_sla_alert), so a retry is safe
  await boss.createQueue(QUEUES.rightsSla, { policy: 'stately', retryLimit: 3, retryDelay: 60, expireInSeconds: 600, deleteAfterSeconds: 3600 });
  await boss.createQueue(QUEUES.placeOffers, { policy: 'stately', retryLimit: 2, retryDelay: 30, expireInSeconds: 300, deleteAfterSeconds: 3600 });

  // anchoring records heads in partners' chains: once a day per pair whatever runs again, so a retry is safe
  await boss.createQueue(QUEUES.auditAnchor, { policy: 'stately', retryLimit: 3, retryDelay: 300, expireInSeconds: 1800 });
  await boss.work(QUEUES.auditAnchor, async () => {
    const r = await runAuditAnchors(opts.db.db, now());
    if (r.anchored.length) console.log(`[jobs] audit.anchor: ${r.anchored.length} head(s) anchored`);
    return r;
  });

  await boss.work(QUEUES.outbox, async () => {
    await deliverOutbox(opts.db.db, send, now());
  });
  await boss.work(QUEUES.agreementExpiry, async () => {
    const r = await runAgreementExpiry(opts.db.db, now(), opts.env);
    if (r.expired.length || r.noticed.length) console.log(`[jobs] agreements.expiry: ${r.expired.length} expired, ${r.noticed.length} expiring notices`);
    return r;
  });

  // each party's wind-down is recorded with its work (agreement_wind_down's key): a retry or a racing run redoes nothing
  await boss.createQueue(QUEUES.agreementWindDown, { policy: 'stately', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800, deleteAfterSeconds: 3600 });
  await boss.work(QUEUES.agreementWindDown, async () => {
    const r = await runAgreementWindDown(opts.db.db, now(), opts.env);
    if (r.wound.length) console.log(`[jobs] agreements.wind_down: ${r.wound.length} party wind-down(s)`);
    return r;
  });

  await boss.work(QUEUES.milestoneOverdue, async () => {
    const r = await runMilestoneOverdue(opts.db.db, now(), opts.env);
    if (r.alerted.length) console.log(`[jobs] items.overdue: ${r.alerted.length} milestone alert(s)`);
    return r;
  });

  // the day-before reminder is sent once per registration and session start whatever runs again (the notice's dedupe key), so a retry is safe
  await boss.createQueue(QUEUES.programmeReminders, { policy: 'stately', retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800, deleteAfterSeconds: 3600 });
  await boss.work(QUEUES.programmeReminders, async () => {
    const r = await runProgrammeReminders(opts.db.db, now(), opts.env);
    if (r.reminded.length) console.log(`[jobs] programme.reminders: ${r.reminded.length} reminder(s)`);
    return r;
  });

  await boss.work(QUEUES.rightsSla, async () => {
    const r = await runRightsSla(opts.db.db, now(), opts.env);
    if (r.alerted.length) console.log(`[jobs] rights.sla: ${r.alerted.length} alert(s)`);
    return r;
  });

  // every consumer of the places engine that registered (recuperation batches, …)
  await boss.work(QUEUES.placeOffers, async () => {
    const r = await runPlaceOffers(opts.db.db, now(), opts.env);
    if (r.expired.length || r.offered.length || r.released.length || r.closed.length) {
      console.log(`[jobs] place.offers: ${r.expired.length} lapsed, ${r.released.length} released, ${r.closed.length} closed, ${r.offered.length} offered`);
    }
    return r;
  });

  if (opts.schedule !== false) {
    await boss.schedule(QUEUES.outbox, '* * * * *', null, { tz: CHINA_TZ });
    // 00:05 China time, after the date has turned; a pass missed while no process ran is made up once
    await boss.schedule(QUEUES.agreementExpiry, '5 0 * * *', null, { tz: CHINA_TZ, missed: 'once' });
    // 08:30 China time: the alert lands at the start of the working day
    await boss.schedule(QUEUES.milestoneOverdue, '30 8 * * *', null, { tz: CHINA_TZ, missed: 'once' });
    // every minute: an agreement terminated by a user or expired by the nightly pass is wound down within a minute
    await boss.schedule(QUEUES.agreementWindDown, '* * * * *', null, { tz: CHINA_TZ });
    // every minute: a waitlist offer lapses at most a minute after its time (the job was 'recuperation.offers')
    await boss.unschedule('recuperation.offers');
    await boss.schedule(QUEUES.placeOffers, '* * * * *', null, { tz: CHINA_TZ });
    // every 15 minutes: SLA clocks run on working time, a warning or breach is noticed within a quarter hour
    await boss.schedule(QUEUES.rightsSla, '*/15 * * * *', null, { tz: CHINA_TZ });
    // hourly: a session starting tomorrow (China dates) is reminded on the first pass of the day before,
    // and one added or moved onto tomorrow later that day within the hour
    await boss.schedule(QUEUES.programmeReminders, '0 * * * *', null, { tz: CHINA_TZ });
  }

  // passes every process runs every few seconds, one at a time each (see everyFew)
  const sms = opts.sms ?? createSmsProvider(opts.env);
  const passes =
    opts.schedule !== false
      ? [
          // the audit sequencer: sealers of one federation take turns on its head's row lock, and writers never wait for them
          everyFew(SEAL_EVERY_MS, 'audit.seal', () => sealAll(opts.db.db)),
          // the SMS outbox (decision 0037): claims are leased and SKIP LOCKED, so processes never send the same row
          // at once; a pg-boss queue would add a minute's cron granularity to a code someone is waiting for
          everyFew(SMS_EVERY_MS, 'sms.deliver', () => deliverSms(opts.db.db, sms, now())),
          // the email outbox: after a crash the outbox job stays "active" in pg-boss until its expiry (5 minutes),
          // and the messages the dead process held are free again within the mailer's lease (30 s) — a stalled
          // pass must not hold the mail up (issue 14)
          everyFew(OUTBOX_POLL_MS, 'outbox', () => deliverOutbox(opts.db.db, send, now())),
        ]
      : [];

  if (opts.schedule !== false) {
    // 00:15 China time: each federation's head of the day before, in its partners' chains
    await boss.schedule(QUEUES.auditAnchor, '15 0 * * *', null, { tz: CHINA_TZ, missed: 'once' });
  }

  return {
    boss,
    deliverSoon: async () => {
      await boss.send(QUEUES.outbox, null);
    },
    stop: async () => {
      await Promise.all(passes.map((p) => p.stop()));
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/** Runs `pass` every `ms` in this process, one at a time (a tick while a pass still runs is skipped); stop() waits for the last. */
function everyFew(ms: number, label: string, pass: () => Promise<unknown>): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= pass()
      .catch((e: unknown) => console.error(`[jobs] ${label}`, e))
      .finally(() => (running = null));
  }, ms);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

function createBoss(opts: JobsOptions): PgBoss {
  if (opts.db.kind === 'pglite') {
    // drizzle keeps the PGlite client it wraps on $client
    const client = (opts.db.db as unknown as { $client: Parameters<typeof fromPglite>[0] }).$client;
    return new PgBoss({ db: fromPglite(client), backend: 'pglite' });
  }
  const connectionString = opts.ownerUrl ?? opts.env.MIGRATION_DATABASE_URL ?? opts.env.DATABASE_URL;
  if (!connectionString) throw new Error('jobs: no database connection string for pg-boss');
  return new PgBoss({ connectionString, max: 4, application_name: 'union-commons-jobs' });
}
