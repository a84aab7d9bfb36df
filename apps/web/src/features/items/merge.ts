/**
 * After someone else saved first: which of the user's fields to refresh and which to keep.
 * A field the user left as it was takes the latest saved value (so saving never undoes the other
 * person's change); a field the user changed keeps their input. `clashes` are the kept fields
 * whose saved value also changed meanwhile — those the form points out.
 */
export function mergeAfterReload<T extends Record<string, unknown>>(input: T, base: T, latest: T): { values: T; clashes: (keyof T)[] } {
  const values = { ...input };
  const clashes: (keyof T)[] = [];
  for (const key of Object.keys(latest) as (keyof T)[]) {
    const touched = !Object.is(input[key], base[key]);
    if (!touched) values[key] = latest[key];
    else if (!Object.is(base[key], latest[key]) && !Object.is(input[key], latest[key])) clashes.push(key);
  }
  return { values, clashes };
}

/** The fields of input that differ from base: what a save sends (omitted fields stay as saved). */
export function changedFields<T extends Record<string, unknown>>(input: T, base: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(input) as (keyof T)[]) if (!Object.is(input[key], base[key])) out[key] = input[key];
  return out;
}
