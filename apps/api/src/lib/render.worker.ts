import { threadId } from 'node:worker_threads';
// The worker loads the PDF builders alone, not the modules' entry points (routers, database code,
// registries): a worker thread starts in a fraction of the time and holds a fraction of the memory.
/* eslint-disable boundaries/module-entry */
import { renderAgreementPdf, type PdfModel } from '../modules/agreement/agreement.pdf.ts';
import { renderCertificatePdf, type CertificatePrint } from '../modules/contest/certificate.pdf.ts';
import { renderProgrammeCertificatePdf, type ProgrammeCertificatePrint } from '../modules/programme/certificate.pdf.ts';
import { renderReportPdf } from '../modules/cooperation/report.pdf.ts';
import { renderRosterPdf } from '../modules/recuperation/roster.pdf.ts';
/* eslint-enable boundaries/module-entry */
import { tablePdf, type TableDoc } from './tableDoc.ts';

// The render pool's worker (lib/renderPool.ts): the PDF builders, off the request thread. Each task
// names its builder and carries plain data (structured clone: Dates survive, functions do not).

export type RenderTask =
  | { kind: 'agreement'; model: PdfModel }
  | { kind: 'certificate'; model: CertificatePrint }
  | { kind: 'programmeCertificate'; model: ProgrammeCertificatePrint }
  | { kind: 'report'; model: Parameters<typeof renderReportPdf>[0]; generatedAt: Date }
  | { kind: 'roster'; model: Parameters<typeof renderRosterPdf>[0]; generatedAt: Date }
  | { kind: 'table'; model: TableDoc; generatedAt: Date };

export interface RenderResult {
  bytes: Uint8Array;
  /** the worker thread that drew it (0 would be the main thread) */
  threadId: number;
}

export function renderTask(t: RenderTask): Promise<Buffer> {
  switch (t.kind) {
    case 'agreement':
      return renderAgreementPdf(t.model);
    case 'certificate':
      return renderCertificatePdf(t.model);
    case 'programmeCertificate':
      return renderProgrammeCertificatePdf(t.model);
    case 'report':
      return renderReportPdf(t.model, t.generatedAt);
    case 'roster':
      return renderRosterPdf(t.model, t.generatedAt);
    case 'table':
      return tablePdf(t.model, t.generatedAt);
  }
}

export default async function render(t: RenderTask): Promise<RenderResult> {
  const buf = await renderTask(t);
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), threadId };
}
