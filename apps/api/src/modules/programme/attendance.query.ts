import type { AttendanceDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { chinaDate, chinaDateTime } from '../../lib/dates.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { attendanceXlsx } from './attendance.xlsx.ts';
import { nameOf } from './programme.dto.ts';
import { findAttendances, findEvent, findEvents, findFederationNames, findSessionsOfEvents } from './programme.repo.ts';
import { countAttendance } from './programme.rules.ts';

// Attendance, derived from check-ins only: 场次 (sessions with attendance), 人次 (attendances),
// 人数 (distinct members), per city, walk-ins included. The host counts everyone; the co-host sees its own members.

export async function eventAttendance(ctx: ServiceCtx, eventId: string): Promise<AttendanceDto> {
  const e = await findEvent(ctx, eventId);
  if (!e) throw new AppError('NOT_FOUND');
  const rows = await findAttendances(ctx, [eventId]);
  const c = countAttendance(rows);
  const names = await findFederationNames(ctx, c.perCity.map((x) => x.tenantId));
  return { eventId, ...c, perCity: c.perCity.map((x) => ({ ...x, federation: nameOf(names, x.tenantId, ctx.locale) })) };
}

export async function attendanceFile(ctx: ServiceCtx, eventId: string) {
  const e = await findEvent(ctx, eventId);
  if (!e) throw new AppError('NOT_FOUND');
  const [rows, sessions] = await Promise.all([findAttendances(ctx, [eventId]), findSessionsOfEvents(ctx, [eventId])]);
  const names = await findFederationNames(ctx, [...rows.map((r) => r.homeTenantId), e.tenantId]);
  const c = countAttendance(rows);
  const buffer = await attendanceXlsx({
    title: e.title,
    totals: c,
    sessions: sessions.map(({ session }) => ({ when: chinaDateTime(session.startsAt), title: session.title, status: session.status, attended: rows.filter((r) => r.sessionId === session.id).length })),
    rows: rows.map((r) => ({ when: chinaDateTime(sessions.find((s) => s.session.id === r.sessionId)?.session.startsAt ?? r.checkedInAt), name: r.walkIn ? `${r.memberName}（现场登记）` : r.memberName, city: nameOf(names, r.homeTenantId, 'zh-CN'), checkedIn: chinaDateTime(r.checkedInAt) })),
  });
  await recordAudit(ctx, { type: 'programme.attendance_exported', entityType: 'programme_event', entityId: e.id, data: { rows: rows.length } });
  return { filename: `attendance-${e.id.slice(0, 8)}.xlsx`, contentType: XLSX_TYPE, base64: buffer.toString('base64') };
}

/** Figures for the dashboard and the cooperation report: every event the caller sees (own and co-hosted), check-ins of the year if given. */
export async function programmeFigures(ctx: ServiceCtx, agreementId: string | null, year?: number) {
  const events = (await findEvents(ctx)).filter((e) => !agreementId || e.agreementId === agreementId);
  const rows = (await findAttendances(ctx, events.map((e) => e.id))).filter((r) => year === undefined || chinaDate(r.checkedInAt!).startsWith(String(year)));
  const c = countAttendance(rows);
  const names = await findFederationNames(ctx, c.perCity.map((x) => x.tenantId));
  const byTopic = new Map<string, number>();
  for (const r of rows) {
    const topic = events.find((e) => e.id === r.eventId)?.topic ?? '';
    byTopic.set(topic, (byTopic.get(topic) ?? 0) + 1);
  }
  return {
    ...c,
    perCity: c.perCity.map((x) => ({ federation: nameOf(names, x.tenantId, ctx.locale), attendances: x.attendances })),
    topTopics: [...byTopic].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([topic, attendances]) => ({ topic, attendances })),
  };
}
