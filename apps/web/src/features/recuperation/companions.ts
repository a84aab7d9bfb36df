import { isValidIdNumber } from '@uc/contracts';

export interface CompanionRow {
  name?: string | undefined;
  relation?: string | undefined;
  idNumber?: string | undefined;
}

/** An ID number as people type it (spaces, a lower-case x) in the form the check digit reads. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type CompanionProblem = 'idNumber.invalid' | 'idNumber.duplicate';

/**
 * Problems the form can see before asking the server: a bad check digit, or the same person
 * twice (by ID number). Keyed by row index.
 */
export function companionProblems(rows: readonly CompanionRow[]): Map<number, CompanionProblem> {
  const problems = new Map<number, CompanionProblem>();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.idNumber) return;
    const id = normaliseIdNumber(row.idNumber);
    if (!isValidIdNumber(id)) problems.set(i, 'idNumber.invalid');
    else if (seen.has(id)) problems.set(i, 'idNumber.duplicate');
    seen.add(id);
  });
  return problems;
}

/** Beds a booking takes: the member and each companion. */
export function bedsFor(companions: number): number {
  return 1 + companions;
}
