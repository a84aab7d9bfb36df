import { personText, type AuditEventDto, type auditExportInput } from '@uc/contracts';
import { auditEntityLabel, auditSummary, auditTypeLabel, uiEn, uiZh, type UiKey } from '@uc/contracts/i18n';
import type { z } from 'zod';
import { chinaDate, chinaDateTime } from '../../lib/dates.ts';
import type { SheetSpec } from '../../lib/xlsx.ts';
import { renderXlsx } from '../../lib/renderPool.ts';
import type { ServiceCtx } from '../../service.ts';
import { listAuditEvents } from './audit.query.ts';
import { recordAudit } from './audit.write.ts';

type ExportInput = z.output<typeof auditExportInput>;

/** an office prints a year of its log, not the whole history of a large federation in one file */
export const AUDIT_EXPORT_MAX = 20_000;
const PAGE = 200;

/**
 * The audit log as the page shows it with these filters, newest first, as an .xlsx: 序号, 时间
 * (China time), 操作人 by name, title and unit, the event, its object and details in plain words of
 * the reader's language (the same text the page renders, from packages/contracts). The export is
 * itself audited.
 */
export async function exportAuditLog(ctx: ServiceCtx, filter: ExportInput): Promise<{ filename: string; base64: string }> {
  const catalogue = ctx.locale === 'en' ? uiEn : uiZh;
  const text = (key: UiKey, vars?: Record<string, string | number>) =>
    vars ? catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : catalogue[key];
  const t = Object.assign(text, { has: (key: string): key is UiKey => Object.hasOwn(catalogue, key) });
  const columns = [
    { header: t('audit.seq'), width: 8 },
    { header: t('audit.at'), width: 20 },
    { header: t('audit.actor'), width: 36 },
    { header: t('audit.event'), width: 22 },
    { header: t('audit.entity'), width: 14 },
    { header: t('audit.details'), width: 60 },
  ];
  const lines: SheetSpec['rows'] = [];
  let beforeSeq: number | undefined;
  let rows = 0;
  const row = (e: AuditEventDto) => [
    e.seq,
    chinaDateTime(new Date(e.at)),
    personText(e.actor, t('person.system')),
    auditTypeLabel(t, e.type),
    auditEntityLabel(t, e.entityType),
    auditSummary(t, e.data),
  ];
  while (rows < AUDIT_EXPORT_MAX) {
    const page = await listAuditEvents(ctx, { ...filter, beforeSeq, limit: Math.min(PAGE, AUDIT_EXPORT_MAX - rows) });
    for (const e of page.items) lines.push(row(e));
    rows += page.items.length;
    if (page.nextBeforeSeq === null) break;
    beforeSeq = page.nextBeforeSeq;
  }
  // written in the sheet pool from the plain rows (lib/renderPool.ts): not on the request thread
  const bytes = await renderXlsx([{ name: t('audit.title'), frozenHeader: true, columns, fonts: { 1: { bold: true } }, rows: lines }]);
  await recordAudit(ctx, {
    type: 'audit.exported',
    entityType: 'federation',
    entityId: ctx.tenantId,
    data: { rows, ...(filter.type ? { type: filter.type } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) },
  });
  return { filename: `${t('audit.title')}-${chinaDate(ctx.now)}.xlsx`, base64: bytes.toString('base64') };
}
