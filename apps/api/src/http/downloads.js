import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { errorMessage } from '@uc/contracts/i18n';
import { AppError } from '../errors.ts';
/**
 * File downloads (Excel, PDF) are plain GETs so a link or <a download> works with the session
 * cookie. Each goes through a tRPC procedure via the caller, so tenancy and roles are checked
 * exactly as for the API. The tenant is the first path segment after /api/t/.
 */
export const downloadRoutes = [];
export function sendFile(res, file) {
    res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Length': String(file.bytes.length),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'no-store',
    });
    res.end(file.bytes);
}
export function sendDownloadError(res, err, locale) {
    let code = 'INTERNAL';
    let status = 500;
    if (err instanceof TRPCError) {
        status = getHTTPStatusCodeFromError(err);
        code = err.cause instanceof AppError ? err.cause.code : status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL';
    }
    else {
        console.error(err);
    }
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: { code, message: errorMessage(code, locale) } }));
}
