import type { ErrorInfo } from '@/lib/errors.ts';
import type { TFunction } from '@/lib/locale.ts';

/** Why the file as a whole was refused (not a roster, wrong columns, too long), in words an office can act on. */
export function importProblem(t: TFunction, info: ErrorInfo): string {
  if (info.code !== 'BAD_INPUT') return info.message;
  const { reason, columns, maxRows } = info.details;
  if (reason === 'not_xlsx') return t('import.notXlsxFile');
  if (reason === 'no_sheet') return t('import.noSheet');
  if (reason === 'missing_columns' && Array.isArray(columns)) return t('import.missingColumns', { columns: columns.join('、') });
  if (reason === 'too_many_rows' && typeof maxRows === 'number') return t('import.tooManyRows', { max: maxRows });
  return info.message;
}
