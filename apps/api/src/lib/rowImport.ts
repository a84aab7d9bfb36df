import type { RowImportDto } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { readKeyedRows, type KeyedRow } from './xlsx.ts';

// An all-or-nothing import of an uploaded Excel list, the one mechanism every such list goes
// through (contest entries, theory marks, programme nominations): the rows are read (readKeyedRows:
// the hostile-file checks, the columns by header), every row is checked first and each problem
// reported by row, column and a message in the caller's language; any problem and nothing is
// applied. A dry run stops at the preview; otherwise apply() takes every good row in the caller's
// transaction (the request's), so a failure part-way rolls the whole file back.

type Columns<K extends string> = Record<K, string | readonly string[]>;

export interface RowChecks<K extends string> {
  /** a problem of a row (0: of the file as a whole) under a column, by its validation message key */
  report(row: number, key: K, code: string, extra?: string): void;
  /** one row's checker: bad() reports and marks the row refused */
  row(n: number): { bad(key: K, code: string): void; readonly ok: boolean };
  /** how many problems so far */
  readonly count: number;
}

export interface RowImport<K extends string, G extends { row: number }> {
  bytes: Buffer;
  columns: Columns<K>;
  required: readonly K[];
  maxRows: number;
  dryRun: boolean;
  locale: string;
  /** checks every row (reading what it needs), reports each problem and returns the good rows */
  check(rows: KeyedRow<K>[], checks: RowChecks<K>): Promise<G[]>;
  /** how a good row is shown in the preview */
  preview(g: G): { name: string; detail: string };
  /** takes every good row: only when no row was refused and it is no dry run */
  apply(good: G[]): Promise<void>;
}

const PREVIEW_ROWS = 50;

export async function runRowImport<K extends string, G extends { row: number }>(spec: RowImport<K, G>): Promise<RowImportDto> {
  const rows = await readKeyedRows(spec.bytes, { columns: spec.columns, required: spec.required, maxRows: spec.maxRows });
  const errors: RowImportDto['errors'] = [];
  const label = (key: K) => [spec.columns[key]].flat()[0]!;
  const report = (row: number, key: K, code: string, extra = '') => {
    errors.push({ row, column: label(key), code, message: validationMessage(code, spec.locale) + extra });
  };
  const checks: RowChecks<K> = {
    report,
    row(n) {
      let ok = true;
      return {
        bad(key, code) {
          report(n, key, code);
          ok = false;
        },
        get ok() {
          return ok;
        },
      };
    },
    get count() {
      return errors.length;
    },
  };
  const good = await spec.check(rows, checks);
  const base = { totalRows: rows.length, dryRun: spec.dryRun };
  if (errors.length) return { ...base, ok: false, imported: 0, errors: errors.sort((a, b) => a.row - b.row), preview: [] };
  const preview = good.slice(0, PREVIEW_ROWS).map((g) => ({ row: g.row, ...spec.preview(g) }));
  if (!spec.dryRun) await spec.apply(good);
  return { ...base, ok: true, imported: good.length, errors: [], preview };
}
