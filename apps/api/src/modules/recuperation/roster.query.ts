import type { FileDto, RosterDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import { findBatch, toBatchDtos } from './batch.query.ts';
import { bookingDtos } from './booking.query.ts';
import { findRosterBookings } from './recuperation.repo.ts';
import { renderPdf } from '../../lib/renderPool.ts';
import { rosterXlsx } from './roster.xlsx.ts';

// The host's roster of a batch: everyone holding a bed (own and partner members, companions),
// with only what each member consented to share. Exports to Excel and PDF are audited.

/** The roster as the host's staff open it: the read of the guests' personal data is logged. */
export async function readRoster(ctx: ServiceCtx, batchId: string): Promise<RosterDto> {
  const r = await roster(ctx, batchId);
  if (r.rows.length) await recordAudit(ctx, { type: 'recuperation.roster_read', entityType: 'recuperation_batch', entityId: batchId, data: { rows: r.rows.length, partnerRows: r.totals.partnerMembers } });
  return r;
}

export async function roster(ctx: ServiceCtx, batchId: string): Promise<RosterDto> {
  const batch = await findBatch(ctx, batchId, ctx.tenantId);
  const [dto] = await toBatchDtos(ctx, [batch]);
  const rows = await findRosterBookings(ctx, batchId);
  const bookings = await bookingDtos(ctx, rows);
  const own = rows.filter((r) => r.tenantId === ctx.tenantId).length;
  return {
    batch: { id: batch.id, code: batch.code, startDate: dto!.startDate, endDate: dto!.endDate, nights: batch.nights, capacity: batch.capacity, bedsTaken: batch.bedsTaken, hostSlug: dto!.hostSlug, routeTitle: dto!.route.title },
    rows: bookings,
    totals: {
      members: rows.length,
      companions: rows.reduce((s, r) => s + r.companions.length, 0),
      beds: rows.reduce((s, r) => s + r.beds, 0),
      ownMembers: own,
      partnerMembers: rows.length - own,
      checkedIn: rows.filter((r) => r.checkedInAt).length,
    },
  };
}

export async function rosterFile(ctx: ServiceCtx, batchId: string, format: 'xlsx' | 'pdf'): Promise<FileDto> {
  const r = await roster(ctx, batchId);
  const base = `疗休养名册-${r.batch.code}`;
  const file: FileDto =
    format === 'xlsx'
      ? { filename: `${base}.xlsx`, contentType: XLSX_TYPE, base64: (await rosterXlsx(r)).toString('base64') }
      : { filename: `${base}.pdf`, contentType: 'application/pdf', base64: (await renderPdf({ kind: 'roster', model: r, generatedAt: ctx.now })).toString('base64') };
  await recordAudit(ctx, { type: 'recuperation.roster_exported', entityType: 'recuperation_batch', entityId: batchId, data: { format, rows: r.rows.length } });
  return file;
}
