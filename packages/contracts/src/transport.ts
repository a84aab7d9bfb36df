/**
 * Procedures whose request body carries a file in base64 (an .xlsx, an attachment). The API
 * allows a larger body to a request that carries only these; the web sends each alone, never in
 * a batch. One list for both, so a new upload cannot be allowed on one side and batched on the other.
 */
export const LARGE_BODY_PROCEDURES = ['member.import', 'contest.registration.import', 'contest.theory.import', 'jointItem.attachment.upload', 'jointItem.importWorkPlan', 'recuperation.booking.nominateXlsx', 'programme.registration.nominateXlsx', 'rightsCase.uploadDocument', 'programme.material.upload', 'rightsCase.recordConsent', 'rightsCase.intake', 'referral.transfer', 'referral.post'] as const;

/**
 * Procedures whose answer is a file (PDF, Excel): each is rendered in a request of its own (the API
 * refuses them in a batch) and counted against the caller's file limit. The API finds them by
 * walking its router (outputs carrying base64); a test keeps this list, which the web needs, equal to that.
 */
export const FILE_PROCEDURES = [
  'agreement.pdf',
  'audit.exportXlsx',
  'contest.event.certificatePdf',
  'contest.event.resultsPdf',
  'contest.event.resultsXlsx',
  'contest.event.rosterPdf',
  'contest.event.rosterXlsx',
  'contest.event.scoresPdf',
  'contest.event.scoresXlsx',
  'contest.registration.importTemplate',
  'contest.theory.template',
  'cooperation.report.pdf',
  'cooperation.report.xlsx',
  'dashboard.exportXlsx',
  'jointItem.attachment.file',
  'jointItem.exportAll',
  'jointItem.exportWorkPlan',
  'member.exportXlsx',
  'member.importTemplate',
  'programme.certificate.minePdf',
  'programme.certificate.pdf',
  'programme.event.attendanceXlsx',
  'programme.material.file',
  'programme.registration.nominationTemplate',
  'recuperation.batch.rosterPdf',
  'recuperation.batch.rosterXlsx',
  'recuperation.booking.nominationTemplate',
  'referral.consentForm',
  'referral.document',
  'referral.ledger',
  'referral.threadFile',
  'rightsCase.consentForm',
  'rightsCase.document',
] as const;
