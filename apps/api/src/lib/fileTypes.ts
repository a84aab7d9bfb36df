import { inflateRawSync } from 'node:zlib';
import type { StoredFileType as AttachmentType } from '@uc/contracts';

// The content type a file really is, read from its bytes (issue 16): images and PDF by their magic
// numbers; Word and Excel 97–2003 (.doc, .xls) as OLE2 compound files by the stream they carry
// (WordDocument / Workbook); .docx and .xlsx as zip archives by the main part their
// [Content_Types].xml declares. What the browser claims is never believed.

export const DOC = 'application/msword';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLS = 'application/vnd.ms-excel';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the bytes really are; null when none we accept. */
export function sniffType(b: Buffer): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return oleType(b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return ooxmlType(b);
  return null;
}

/** A compound file: Word if it has a WordDocument stream, Excel if a Workbook (or Book) stream; names are UTF-16LE directory entries. */
function oleType(b: Buffer): AttachmentType | null {
  const has = (name: string) => b.includes(Buffer.from(name + '\0', 'utf16le'));
  if (has('WordDocument')) return DOC;
  if (has('Workbook') || has('Book')) return XLS;
  return null;
}

/** A zip: read [Content_Types].xml through the central directory and look for the main document part's type. */
function ooxmlType(b: Buffer): AttachmentType | null {
  const types = zipEntry(b, '[Content_Types].xml');
  if (!types) return null;
  const xml = types.toString('utf8');
  if (xml.includes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) return DOCX;
  if (xml.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) return XLSX;
  return null;
}

/** One entry of a zip archive (stored or deflated), or null; never throws on a malformed archive. */
export function zipEntry(b: Buffer, name: string): Buffer | null {
  try {
    // the end-of-central-directory record sits in the last 22 + 65535 bytes
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = b.readUInt16LE(eocd + 10);
    let p = b.readUInt32LE(eocd + 16);
    for (let n = 0; n < count && p + 46 <= b.length; n++) {
      if (b.readUInt32LE(p) !== 0x02014b50) return null;
      const method = b.readUInt16LE(p + 10);
      const compressed = b.readUInt32LE(p + 20);
      const nameLen = b.readUInt16LE(p + 28);
      const extraLen = b.readUInt16LE(p + 30);
      const commentLen = b.readUInt16LE(p + 32);
      const local = b.readUInt32LE(p + 42);
      const entryName = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
      p += 46 + nameLen + extraLen + commentLen;
      if (entryName !== name) continue;
      if (b.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 });
      return null;
    }
    return null;
  } catch {
    return null;
  }
}
