import type { ServerResponse } from 'node:http';
import type { Caller } from './caller.ts';
import { contentDisposition, sendFromAnyParty, type DownloadArgs } from './downloads.ts';

// The download side of the one file store (docs/decisions/0053-file-store.md, 0008): a stored file
// is served through its module's tRPC procedure (tenancy, roles and the owner's rules checked as
// for any call), with its own Content-Type, inline for images and PDFs (?download=1 saves it),
// never sniffed, never cached. Modules register their routes with storedFileHandler.

const inline = (contentType: string) => contentType.startsWith('image/') || contentType === 'application/pdf';

export function sendStoredFile(res: ServerResponse, file: { filename: string; contentType: string; base64: string }, download: boolean) {
  const bytes = Buffer.from(file.base64, 'base64');
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': String(bytes.length),
    // Word and Excel are never shown inline: a browser would only save them, or hand them to another program
    'Content-Disposition': contentDisposition(download || !inline(file.contentType) ? 'attachment' : 'inline', file.filename),
    // the type was checked against the file's signature at upload; never let a browser guess another
    'X-Content-Type-Options': 'nosniff',
    // an image needs nothing else; a PDF is left to the browser's viewer (a sandbox would block it)
    ...(file.contentType.startsWith('image/') ? { 'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" } : {}),
    'Cache-Control': 'private, no-store',
  });
  res.end(bytes);
}

/**
 * A GET route for stored files: `pattern`'s first group is the optional federation slug, the
 * others are passed to `fetch`, which calls the module's procedure. Without a slug each of the
 * user's federations is tried (sendFromAnyParty): NOT_FOUND to a user none of whose federations may read it.
 */
export function storedFileHandler(pattern: RegExp, fetch: (caller: Caller, ids: string[]) => Promise<{ filename: string; contentType: string; base64: string }>) {
  return async (args: DownloadArgs): Promise<void> => {
    const [, pathSlug, ...ids] = pattern.exec(args.url.pathname) ?? [];
    await sendFromAnyParty(args, pathSlug, async (caller) => {
      const file = await fetch(caller, ids.map((i) => i ?? ''));
      sendStoredFile(args.res, file, args.url.searchParams.get('download') === '1');
    });
  };
}
