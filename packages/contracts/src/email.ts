import { z } from 'zod';

// On its own module so that a web page checking an email brings zod along, and the pages that only
// read other constants of mechanisms.ts do not (issue 13, light pages; decisions/0030).
const emailCheck = z.email();
export const isValidEmail = (v: string) => emailCheck.safeParse(v).success;
