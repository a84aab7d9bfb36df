import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, makeFederation, makeStaff, signInCookie, startServer, type Harness } from '../test/harness.ts';
import { mutate } from '../test/http.testkit.ts';
import { xlsxBase64 } from '../modules/member/member.testkit.ts';
import { isMainThread } from 'node:worker_threads';
import { checkXlsxArchive, MAX_COLUMNS, readSheet } from './xlsx.ts';
import { readFirstSheet } from './sheetRead.ts';
import { closeRenderPool, runSheetTask, setSheetLimits, SHEET_LIMITS, sheetStats } from './renderPool.ts';

// Hostile uploads (issue 14): a zip whose entries inflate to far more than an office roster
// ever holds is refused from its central directory, before anything is inflated.

/** a zip archive of the given entries (deflated), as a zip tool writes it */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const reasonOf = (f: () => void) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { details?: { reason?: string } }).details?.reason;
  }
};

describe('checking an uploaded .xlsx before parsing it', () => {
  const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) }]);

  it('refuses a decompression bomb, too many entries, and what is not a zip', () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(reasonOf(() => checkXlsxArchive(bomb))).toBe('xlsx_too_large');
    const many = zip(Array.from({ length: 600 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
    expect(reasonOf(() => checkXlsxArchive(many))).toBe('xlsx_too_large');
    expect(reasonOf(() => checkXlsxArchive(Buffer.from('PK not really a zip at all, just text')))).toBe('not_xlsx');
    expect(reasonOf(() => checkXlsxArchive(Buffer.from('hello')))).toBe('not_xlsx');
  });

  it('lets an ordinary roster through', async () => {
    expect(reasonOf(() => checkXlsxArchive(Buffer.from(awaitedRoster, 'base64')))).toBe('ok');
  });

  let awaitedRoster = '';
  let h: Harness;
  let srv: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    awaitedRoster = await xlsxBase64([['张三', '男', '13800138000', '11010519491231002X', '某工会', '']]);
    h = await createHarness();
    srv = await startServer(h);
  });
  afterAll(async () => {
    await srv.close();
    await h.close();
  });

  it('answers the bomb sent to member.import with BAD_INPUT at once, and /healthz stays fast meanwhile', async () => {
    const fed = await makeFederation(h, 'bomb');
    const cookie = await signInCookie(srv.url, await makeStaff(h, fed, ['admin']));
    const started = Date.now();
    const importing = mutate(srv.url, 'member.import', { fileBase64: bomb.toString('base64') }, { cookie, tenant: fed.slug, headers: { origin: srv.url } });
    const healthStarted = Date.now();
    const health = await fetch(`${srv.url}/healthz`);
    const healthMs = Date.now() - healthStarted;
    const res = await importing;
    expect(res.status).toBe(400);
    expect(res.error?.data.details).toMatchObject({ reason: 'xlsx_too_large' });
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('reading an uploaded sheet in the sheet pool', () => {
  /** an .xlsx of n data rows under a one-column header */
  const rowsFile = async (n: number) => Buffer.from(await xlsxBase64(Array.from({ length: n }, (_, i) => [`会员${i}`]), { header: ['姓名'] }), 'base64');
  const reasonOfAsync = async (p: Promise<unknown>) => {
    try {
      await p;
      return { reason: 'ok' };
    } catch (e) {
      return (e as { details?: Record<string, unknown> }).details;
    }
  };
  afterAll(() => closeRenderPool());

  it('streams the rows and stops reading at the row limit', async () => {
    const bytes = await rowsFile(1000);
    const r = await readFirstSheet({ kind: 'read', bytes, maxRows: 100, maxColumns: MAX_COLUMNS });
    expect(r).toMatchObject({ tooMany: true });
    expect('rows' in r && r.rows.length).toBe(100);
    // through the pool, as every import reads: a clear refusal with the caller's limit
    expect(await reasonOfAsync(readSheet(bytes, 100))).toEqual({ reason: 'too_many_rows', maxRows: 100 });
    const rows = await readSheet(bytes, 1000);
    expect(rows).toHaveLength(1001);
    expect(rows[1]).toEqual({ row: 2, cells: ['会员0'] });
  });

  it('reads in a worker thread with a bounded heap', async () => {
    const before = sheetStats.tasks;
    const r = await runSheetTask({ kind: 'read', bytes: await rowsFile(3), maxRows: 10, maxColumns: MAX_COLUMNS });
    expect(isMainThread).toBe(true);
    expect(r.threadId).toBeGreaterThan(0);
    expect(r.heapLimitMb).toBe(SHEET_LIMITS.maxOldGenerationSizeMb);
    expect(SHEET_LIMITS.maxOldGenerationSizeMb).toBeLessThanOrEqual(256);
    expect(sheetStats.tasks - before).toBe(1);
  });

  it('refuses a file whose reading runs out of memory or time, and reads the next one', async () => {
    const big = await rowsFile(20_000);
    const limits = { ...SHEET_LIMITS };
    try {
      await setSheetLimits({ maxOldGenerationSizeMb: 16 });
      expect(await reasonOfAsync(readSheet(big, 20_000))).toEqual({ reason: 'xlsx_too_large' });
      await setSheetLimits({ maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, timeoutMs: 1 });
      expect(await reasonOfAsync(readSheet(big, 20_000))).toEqual({ reason: 'xlsx_too_large' });
    } finally {
      await setSheetLimits(limits);
    }
    expect(await readSheet(await rowsFile(2), 10)).toHaveLength(3);
  });
});
