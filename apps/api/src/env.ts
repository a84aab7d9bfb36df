import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The only reader of process.env in the API (DESIGN §2).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** set: PostgreSQL server (as the app role); unset: embedded PGlite in DATA_DIR */
  DATABASE_URL: z.string().optional(),
  /** the schema owner, for migrations, when it differs from DATABASE_URL */
  MIGRATION_DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(`${repoRoot}.data/pglite`),
  PUBLIC_URL: z.string().optional(),
  /** base64 of 32 random bytes; encrypts members' ID numbers */
  MEMBER_ID_KEY: z.string().optional(),
  /** base64 of at least 32 random bytes; MACs the audit chain, signs head statements (the database never holds it) */
  AUDIT_KEY: z.string().optional(),
  /** smtp://user:pass@host:port; unset: emails are written to the log */
  SMTP_URL: z.string().optional(),
  /** pooled SMTP connections of the outbox sender: messages in flight at once */
  SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(256).default(16),
  MAIL_FROM: z.string().default('Union Commons <noreply@union-commons.local>'),
  WEB_DIST: z.string().default(`${repoRoot}apps/web/dist`),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** behind a TLS-terminating proxy: trust X-Forwarded-For / -Proto */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** development and tests only: GET /__dev/sms?mobile=… shows the last SMS queued for a number (the SMS sink) */
  SMS_SINK: z.enum(['true', 'false']).default('false'),
  /** the SMS gateway's HTTP endpoint (mail/sms.ts); unset: SMS stay in the outbox for the sink and the log */
  SMS_URL: z.string().url().optional(),
  /** bearer token for SMS_URL */
  SMS_TOKEN: z.string().optional(),
});

export type Env = z.infer<typeof schema> & { publicUrl: string; memberIdKey: Buffer; auditKey: Buffer };

/** "https://union.example.cn": a scheme and a host, nothing after (links are built as publicUrl + path) */
const ORIGIN = /^https?:\/\/[^/\s]+$/;

// A fixed key keeps demo data readable across restarts; production must set its own.
const DEV_MEMBER_ID_KEY = Buffer.from('union-commons-development-key-32', 'utf8');
const DEV_AUDIT_KEY = Buffer.from('union-commons-dev-audit-chain-k32', 'utf8');

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.parse(source);
  if (parsed.NODE_ENV === 'production' && !parsed.MEMBER_ID_KEY) {
    throw new Error('MEMBER_ID_KEY must be set in production (base64 of 32 random bytes)');
  }
  // links in invitations, activations and resets must reach the user, not a localhost guess (issue 16)
  if (parsed.NODE_ENV === 'production' && !parsed.PUBLIC_URL) throw new Error('PUBLIC_URL must be set in production (the address users open, e.g. https://union.example.cn)');
  if (parsed.PUBLIC_URL && !ORIGIN.test(parsed.PUBLIC_URL.replace(/\/$/, ''))) throw new Error('PUBLIC_URL must be an origin such as https://union.example.cn');
  if (parsed.NODE_ENV === 'production' && parsed.SMS_SINK === 'true') throw new Error('SMS_SINK must not be set in production');
  if (parsed.NODE_ENV === 'production' && !parsed.AUDIT_KEY) throw new Error('AUDIT_KEY must be set in production (base64 of 32 random bytes; keep it outside the database)');
  const auditKey = parsed.AUDIT_KEY ? Buffer.from(parsed.AUDIT_KEY, 'base64') : DEV_AUDIT_KEY;
  if (auditKey.length < 32) throw new Error('AUDIT_KEY must decode to at least 32 bytes');
  const memberIdKey = parsed.MEMBER_ID_KEY ? Buffer.from(parsed.MEMBER_ID_KEY, 'base64') : DEV_MEMBER_ID_KEY;
  if (memberIdKey.length !== 32) throw new Error('MEMBER_ID_KEY must decode to 32 bytes');
  return {
    ...parsed,
    publicUrl: parsed.PUBLIC_URL?.replace(/\/$/, '') ?? `http://localhost:${parsed.PORT}`,
    memberIdKey,
    auditKey,
  };
}

/**
 * The env one request works with: without PUBLIC_URL (development only; production refuses to
 * start) links point where the request came from (its Host, and X-Forwarded-Proto behind a trusted
 * proxy), so an invitation made on http://192.168.1.5:3000 does not send people to localhost.
 */
export function requestEnv(env: Env, host: string | null, forwardedProto: string | null): Env {
  if (env.PUBLIC_URL || !host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) return env;
  const scheme = env.TRUST_PROXY === 'true' && forwardedProto === 'https' ? 'https' : 'http';
  return { ...env, publicUrl: `${scheme}://${host}` };
}
