import { TRPCClientError } from '@trpc/client';
import type { FormInstance } from 'antd';

export interface ErrorInfo {
  /** the API's error code (BAD_INPUT, STALE_VERSION…), null when the request never got an answer */
  code: string | null;
  /** already in the user's language when the API wrote it */
  message: string;
  /** field path (honours.0.validFrom) → message */
  fields: Record<string, string>;
  /** whatever else the API said about the refusal (a reason, a limit) */
  details: Record<string, unknown>;
}

interface ErrorData {
  code?: string;
  details?: { fields?: Record<string, string> } & Record<string, unknown>;
}

/** What went wrong, from a tRPC error; fallback when the server could not say (network down). */
export function errorInfo(err: unknown, fallback: string): ErrorInfo {
  if (err instanceof TRPCClientError) {
    const data = err.data as ErrorData | undefined;
    if (data?.code) return { code: data.code, message: err.message, fields: data.details?.fields ?? {}, details: data.details ?? {} };
    // refusals written by the HTTP layer itself (CSRF, body too large) are { error: { code, message } }
    const raw = (err.meta?.responseJSON as { error?: { code?: string; message?: string } } | undefined)?.error;
    if (raw?.message) return { code: raw.code ?? null, message: raw.message, fields: {}, details: {} };
  }
  return { code: null, message: fallback, fields: {}, details: {} };
}

/** What to say above a form's buttons: nothing when the API pointed at fields (they show it themselves). */
export function formProblem(err: unknown, fallback: string): string | null {
  if (!err) return null;
  const info = errorInfo(err, fallback);
  return Object.keys(info.fields).length ? null : info.message;
}

/** AntD form field names from a dotted path: honours.0.validFrom → ['honours', 0, 'validFrom'] */
export function fieldName(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Shows the API's per-field messages under the form's fields. */
export function showFieldErrors<Values>(form: FormInstance<Values>, fields: Record<string, string>) {
  // the paths come from the server, so they cannot be typed against the form's own field names
  const data = Object.entries(fields).map(([path, message]) => ({ name: fieldName(path), errors: [message] }));
  form.setFields(data as Parameters<FormInstance<Values>['setFields']>[0]);
}
