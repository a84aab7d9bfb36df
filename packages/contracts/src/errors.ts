/** The codes an AppError may carry; each has a message in every language (i18n/errors). */
export const ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_INPUT',
  'CONFLICT',
  'STALE_VERSION',
  'RATE_LIMITED',
  'INVALID_CREDENTIALS',
  'CSRF',
  'PAYLOAD_TOO_LARGE',
  'INVITATION_INVALID',
  'DUPLICATE_ID_NUMBER',
  'ORG_UNIT_NOT_EMPTY',
  'ORG_UNIT_CYCLE',
  'LAST_ADMIN',
  'ALREADY_MEMBER',
  'INVALID_TRANSITION',
  'ALREADY_SIGNED',
  'HASH_MISMATCH',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
