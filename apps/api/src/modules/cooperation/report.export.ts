import type { CooperationInput } from '@uc/contracts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { getReport } from './report.query.ts';
import { renderPdf } from '../../lib/renderPool.ts';
import { renderReportXlsx } from './report.xlsx.ts';

/** The report (as the parties see it now: frozen, or the current draft) as a PDF or Excel file. */
export async function reportFile(ctx: ServiceCtx, input: CooperationInput, kind: 'pdf' | 'xlsx') {
  const r = await getReport(ctx, input);
  const name = `合作报告-${r.year}-${input.agreementId.slice(0, 8)}`;
  if (kind === 'pdf') return { filename: `${name}.pdf`, contentType: 'application/pdf', base64: (await renderPdf({ kind: 'report', model: r, generatedAt: ctx.now })).toString('base64') };
  return { filename: `${name}.xlsx`, contentType: XLSX_TYPE, base64: (await renderReportXlsx(r)).toString('base64') };
}
