import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@uc/contracts';

/** What the browser can show inline; anything else is offered as a download. */
export type PreviewKind = 'image' | 'pdf' | null;

/** The icon a file gets: Word and Excel are downloaded, never previewed. */
export function officeKind(contentType: string): 'word' | 'excel' | null {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/msword' || type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'word';
  if (type === 'application/vnd.ms-excel' || type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'excel';
  return null;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function previewKind(contentType: string): PreviewKind {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return null;
}

export interface FileLimits {
  maxBytes: number;
  /** accepted MIME types */
  types: readonly string[];
  /** accepted name endings, with the dot (.pdf); browsers do not always know a file's type */
  extensions: readonly string[];
}

export type FileProblem = { problem: 'empty' } | { problem: 'tooLarge'; maxBytes: number } | { problem: 'type' };

/** Why a chosen file cannot be attached, checked before any upload (the API checks again). */
export function checkFile(file: { name: string; size: number; type: string }, limits: FileLimits): FileProblem | null {
  if (file.size === 0) return { problem: 'empty' };
  if (file.size > limits.maxBytes) return { problem: 'tooLarge', maxBytes: limits.maxBytes };
  const name = file.name.toLowerCase();
  const byName = limits.extensions.some((ext) => name.endsWith(ext.toLowerCase()));
  const byType = file.type !== '' && limits.types.includes(file.type.toLowerCase());
  return byName || byType ? null : { problem: 'type' };
}

const TYPE_BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's MIME type among the accepted ones: the browser's if it gave one we accept, else by the name's ending. */
export function acceptedType<T extends string>(file: { name: string; type: string }, types: readonly T[]): T | null {
  const given = file.type.toLowerCase() as T;
  if (types.includes(given)) return given;
  const ext = /\.[a-z0-9]+$/i.exec(file.name)?.[0]?.toLowerCase() ?? '';
  const byName = TYPE_BY_EXTENSION[ext] as T | undefined;
  return byName && types.includes(byName) ? byName : null;
}

/** 1.2 MB, 350 KB, 12 B — sizes as file dialogs show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

/** The accept attribute of a file input for these limits. */
export function acceptAttribute(limits: FileLimits): string {
  return [...limits.extensions, ...limits.types].join(',');
}

/** What a progress update may carry, as the API's contract says (it checks again, by content). */
export const ATTACHMENT_LIMITS = {
  maxBytes: ATTACHMENT_MAX_BYTES,
  types: ATTACHMENT_TYPES,
  extensions: ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.pdf', '.doc', '.docx', '.xls', '.xlsx'],
  maxCount: 10,
} satisfies FileLimits & { maxCount: number };
