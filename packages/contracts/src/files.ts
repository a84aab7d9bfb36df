import { z } from 'zod';
import { trimmed } from './common.ts';

// The one file store (docs/decisions/0053-file-store.md): joint-item attachments, rights case
// documents and programme materials are the same kind of file with the same limits — images and
// PDFs (previewed inline), Word and Excel (always downloaded), 1 byte – 10 MB, the type read from
// the file's own bytes. Each owner has its own table; the upload fields and the file's answer are these.

export const FILE_MAX_BYTES = 10 * 1024 * 1024;
export const FILE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const storedFileType = z.enum(FILE_TYPES);
export type StoredFileType = z.infer<typeof storedFileType>;

/** base64 of at most FILE_MAX_BYTES bytes; contentType is the browser's claim, never believed (the bytes decide) */
export const fileUploadFields = {
  filename: trimmed(1, 200),
  contentType: z.string().max(200).optional(),
  base64: z.string().min(1).max(Math.ceil(FILE_MAX_BYTES / 3) * 4),
};
/** the file itself, for the download route (GET …, served with its own type) */
export const storedFileDto = z.object({ filename: z.string(), contentType: storedFileType, base64: z.string() });
