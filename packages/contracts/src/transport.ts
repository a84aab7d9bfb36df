/**
 * Procedures whose request body carries a file in base64 (an .xlsx, an attachment). The API
 * allows a larger body to a request that carries only these; the web sends each alone, never in
 * a batch. One list for both, so a new upload cannot be allowed on one side and batched on the other.
 */
export const LARGE_BODY_PROCEDURES = ['member.import', 'jointItem.attachment.upload', 'jointItem.importWorkPlan', 'recuperation.booking.nominateXlsx'] as const;
