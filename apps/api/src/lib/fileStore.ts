import { createHash } from 'node:crypto';
import { FILE_MAX_BYTES, type StoredFileType } from '@uc/contracts';
import { AppError } from '../errors.ts';
import { sniffType } from './fileTypes.ts';

// The one file store (docs/decisions/0053-file-store.md): what every owner of files — joint-item
// attachments, rights case documents, programme materials — does with an upload before its own
// table keeps it (bytes in PostgreSQL, decision 0008). The bytes decide the type: the browser's
// claim (often empty or generic for Office files) is not believed, and a script named .png is
// refused. The download side is http/storedFile.ts.

export interface AcceptedFile {
  filename: string;
  contentType: StoredFileType;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/** a file name safe to show and to put in Content-Disposition: no path, no control characters */
export const cleanName = (name: string) =>
  [...name.replace(/^.*[\\/]/, '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 200) || 'file';

/** Decode and check an upload: empty → BAD_INPUT, over 10 MB → PAYLOAD_TOO_LARGE, not a type we accept → BAD_INPUT (attachment_type). */
export function acceptFile(input: { filename: string; base64: string }, allowed?: readonly StoredFileType[]): AcceptedFile {
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) throw new AppError('BAD_INPUT', { fields: { base64: 'required' } });
  if (bytes.length > FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: FILE_MAX_BYTES });
  const sniffed = sniffType(bytes);
  if (!sniffed || (allowed && !allowed.includes(sniffed))) throw new AppError('BAD_INPUT', { fields: { base64: 'attachment_type' } });
  return { filename: cleanName(input.filename), contentType: sniffed, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** The stored file as the download procedures answer it (base64 in the tRPC answer; the GET route decodes it). */
export const fileAnswer = (row: { filename: string; contentType: string; bytes: Buffer }) => ({
  filename: row.filename,
  contentType: row.contentType as StoredFileType,
  base64: row.bytes.toString('base64'),
});
