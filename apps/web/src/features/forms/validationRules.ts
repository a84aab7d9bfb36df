import { isValidIdNumber } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n/errors';
import { useLocale } from '@/lib/locale.ts';

/**
 * Form rules that run the contracts' own validators, so a form refuses inline what the API would
 * refuse, with the API's message. Blank passes (a `required` rule says that part).
 */
export function useValidationRules() {
  const locale = useLocale();
  const rule = (valid: (v: string) => boolean, key: string) => ({
    validator: (_: unknown, v: string | undefined) => (!v?.trim() || valid(v.trim()) ? Promise.resolve() : Promise.reject(new Error(validationMessage(key, locale)))),
  });
  return {
    /** GB 11643 ID number: 18 characters, a real birth date, the MOD 11-2 check character */
    idNumber: rule(isValidIdNumber, 'id_number_invalid'),
  };
}
