/** The one error services throw. details are safe to show (field names, limits), never internals. */
export class AppError extends Error {
    code;
    details;
    constructor(code, details = {}) {
        super(code);
        this.code = code;
        this.details = details;
        this.name = 'AppError';
    }
}
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
