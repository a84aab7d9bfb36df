// The delivery loop both outboxes share (email per federation, SMS platform-wide): claimed rows
// are sent with `width` in flight, outcomes recorded in batches. Claiming and recording belong to
// the caller (each outbox has its own table and lease columns); the loop never sends a row twice.

export interface Outcome {
  id: string;
  /** null: delivered */
  error: string | null;
  /** attempts before this one */
  attempts: number;
}

export interface DrainOptions<Row extends { id: string; attempts: number }> {
  /** messages in flight at once */
  width: number;
  /** leases up to `limit` due rows; [] when none are due */
  claim: (limit: number) => Promise<Row[]>;
  send: (row: Row) => Promise<void>;
  /** records a batch of outcomes in one statement */
  settle: (outcomes: Outcome[]) => Promise<void>;
  /** rows claimed per statement (default 200, at least twice the width) */
  claimBatch?: number;
  /**
   * Keeps the lease of what the pass still holds (claimed, not yet settled) while it runs, so the
   * lease can be short: after a crash another sender takes the rows over within it. A lost renewal
   * only lets another sender repeat a message, under the same key.
   */
  renew?: { everyMs: number; lease(ids: string[]): Promise<unknown> };
}

const SETTLE_EVERY = 50;

/** Sends until nothing due is left; returns how many were delivered. */
export async function drain<Row extends { id: string; attempts: number }>(opts: DrainOptions<Row>): Promise<number> {
  const width = Math.max(1, opts.width);
  const queue: Row[] = [];
  let exhausted = false;
  let refilling: Promise<void> | null = null;
  let sent = 0;
  const held = new Set<string>();
  const refill = () =>
    (refilling ??= opts.claim(Math.max(opts.claimBatch ?? 200, width * 2)).then((rows) => {
      if (!rows.length) exhausted = true;
      queue.push(...rows);
      for (const r of rows) held.add(r.id);
      refilling = null;
    }));
  let outcomes: Outcome[] = [];
  const flush = async () => {
    const batch = outcomes;
    outcomes = [];
    if (batch.length) await opts.settle(batch);
  };
  const worker = async () => {
    for (;;) {
      while (!queue.length && !exhausted) await refill();
      const row = queue.shift();
      if (!row) return;
      let error: string | null = null;
      try {
        await opts.send(row);
        sent++;
      } catch (e) {
        error = String((e as Error).message ?? e).slice(0, 500);
      }
      outcomes.push({ id: row.id, error, attempts: row.attempts });
      held.delete(row.id);
      if (outcomes.length >= SETTLE_EVERY) await flush();
    }
  };
  const renew = opts.renew;
  const renewal = renew
    ? setInterval(() => {
        if (held.size) renew.lease([...held]).catch(() => {});
      }, renew.everyMs)
    : null;
  renewal?.unref();
  try {
    await Promise.all(Array.from({ length: width }, worker));
    await flush();
  } finally {
    if (renewal) clearInterval(renewal);
  }
  return sent;
}
