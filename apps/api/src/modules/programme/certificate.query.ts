import type { ProgrammeCertificateDto, ProgrammeCertificateListDto, programmeCertificateCheckDto, programmeCertificateVerifyDto } from '@uc/contracts';
import { programmeCertificates, withCertificateNumber } from '@uc/db';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import { renderPdf } from '../../lib/renderPool.ts';
import type { ServiceCtx, UserCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { membersInScope } from '../orgUnit/index.ts';
import { nameOf } from './programme.dto.ts';
import { findCheckInsOfEvent, findEvent, findEvents, findFederationNames, findRegistrationsOfMember, findSessionsOfEvents } from './programme.repo.ts';
import { completesClass, creditHours, maskedName, requiredSessions } from './programme.rules.ts';
import type { EventRow, SessionRow } from './programme.types.ts';
import { certificateEventPrefix, certificateNumber } from './ticket.crypto.ts';
import { factsOf, issueCertificate, programmeCertificateHash } from './issuedCertificate.write.ts';

// Completion certificates of a class (培训班, 结业证书; decision 0057). Who qualifies is never
// stored (a certificate handed out is, for its QR check: certificate.verify.ts); it is derived on every read from the ticket check-ins at the class's sessions that are not
// cancelled, against the event's threshold (all sessions by default), and the number is a keyed hash
// of event and member. The member downloads their own; the host's staff list who qualifies and
// download any one (the co-host's staff: their own members', by row-level security). A certificate
// that does not exist — another member's, a class not completed, an event not seen — is NOT_FOUND.

interface ClassFacts {
  e: EventRow;
  sessions: SessionRow[];
  required: number;
}

async function classOf(ctx: ServiceCtx, eventId: string): Promise<ClassFacts | null> {
  const e = await findEvent(ctx, eventId);
  if (!e || e.kind !== 'training') return null;
  const sessions = (await findSessionsOfEvents(ctx, [e.id])).map((x) => x.session).filter((s) => s.status === 'scheduled');
  return { e, sessions, required: requiredSessions(e.certificateSessions, sessions.length) };
}

/** Each attendee's certificate when their check-ins complete the class (one member or everyone the caller sees). */
async function certificatesOf(ctx: ServiceCtx, c: ClassFacts, member?: { tenantId: string; memberId: string }): Promise<{ attendees: number; certificates: ProgrammeCertificateDto[] }> {
  const checkIns = await findCheckInsOfEvent(ctx, c.e, member);
  const byId = new Map(c.sessions.map((s) => [s.id, s]));
  const people = new Map<string, { homeTenantId: string; memberId: string; memberName: string; sessions: Set<string> }>();
  for (const x of checkIns) {
    const key = `${x.homeTenantId}:${x.memberId}`;
    const p = people.get(key) ?? { homeTenantId: x.homeTenantId, memberId: x.memberId, memberName: x.memberName, sessions: new Set<string>() };
    if (byId.has(x.sessionId)) p.sessions.add(x.sessionId);
    people.set(key, p);
  }
  const done = [...people.values()].filter((p) => completesClass(p.sessions.size, c.sessions.length, c.e.certificateSessions));
  const names = await findFederationNames(ctx, [c.e.tenantId, c.e.partnerTenantId, ...done.map((p) => p.homeTenantId)]);
  const certificates = done.map((p): ProgrammeCertificateDto => {
    const attended = [...p.sessions].map((id) => byId.get(id)!).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return {
      number: certificateNumber(ctx.env.memberIdKey, c.e.id, p.homeTenantId, p.memberId),
      eventId: c.e.id,
      eventTitle: c.e.title,
      topic: c.e.topic,
      host: nameOf(names, c.e.tenantId, ctx.locale),
      partner: nameOf(names, c.e.partnerTenantId, ctx.locale),
      homeTenantId: p.homeTenantId,
      home: nameOf(names, p.homeTenantId, ctx.locale),
      memberId: p.memberId,
      memberName: p.memberName,
      sessions: c.sessions.length,
      required: c.required,
      attended: attended.length,
      creditHours: creditHours(attended.reduce((n, s) => n + s.creditTenths, 0)),
      from: chinaDate(attended[0]!.startsAt),
      to: chinaDate(attended[attended.length - 1]!.startsAt),
    };
  });
  certificates.sort((a, b) => a.home.localeCompare(b.home) || a.memberName.localeCompare(b.memberName, 'zh-CN'));
  return { attendees: people.size, certificates };
}

/** The member's certificates: every class they were checked in at and completed, newest first. */
export async function myCertificates(ctx: ServiceCtx): Promise<ProgrammeCertificateDto[]> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const eventIds = new Set((await findRegistrationsOfMember(ctx, ctx.tenantId, memberId)).filter((r) => r.checkedInAt).map((r) => r.eventId));
  const out: ProgrammeCertificateDto[] = [];
  for (const id of eventIds) {
    const c = await classOf(ctx, id);
    if (c) out.push(...(await certificatesOf(ctx, c, { tenantId: ctx.tenantId, memberId })).certificates);
  }
  return out.sort((a, b) => b.to.localeCompare(a.to));
}

/** Who completed a class, for the host's staff (the co-host's: its own members). */
export async function listCertificates(ctx: ServiceCtx, eventId: string): Promise<ProgrammeCertificateListDto> {
  const c = await classOf(ctx, eventId);
  if (!c) {
    if (await findEvent(ctx, eventId)) throw new AppError('PROGRAMME_STATE', { reason: 'not_a_class' });
    throw new AppError('NOT_FOUND');
  }
  const all = await certificatesOf(ctx, c);
  // a scoped officer sees of their own federation's members only those of their units
  const own = await membersInScope(ctx, all.certificates.filter((x) => x.homeTenantId === ctx.tenantId).map((x) => x.memberId));
  const certificates = all.certificates.filter((x) => x.homeTenantId !== ctx.tenantId || own.has(x.memberId));
  const attendees = all.attendees;
  // the host reads the partner's members' names: logged, as the registration list is
  const foreign = certificates.filter((x) => x.homeTenantId !== ctx.tenantId).length;
  if (foreign) await recordAudit(ctx, { type: 'programme.certificates_read', entityType: 'programme_event', entityId: c.e.id, data: { rows: certificates.length } });
  return { eventId: c.e.id, sessions: c.sessions.length, required: c.required, attendees, certificates };
}

async function certificatePdf(ctx: ServiceCtx, x: ProgrammeCertificateDto, by: 'member' | 'staff') {
  const zh = ctx.locale === 'zh-CN' ? x : await zhNames(ctx, x);
  // stored as issued the first time (its facts and hash), for the public page behind the QR code
  await issueCertificate(ctx, x, [zh.host, zh.partner]);
  const verifyUrl = `${ctx.env.publicUrl.replace(/\/$/, '')}/verify/certificate/${x.number}`;
  const pdf = await renderPdf({ kind: 'programmeCertificate', model: { ...x, host: zh.host, partner: zh.partner, home: zh.home, verifyUrl } });
  await recordAudit(ctx, { type: 'programme.certificate_issued', entityType: 'programme_event', entityId: x.eventId, data: { number: x.number, homeTenantId: x.homeTenantId, by } });
  return { filename: `结业证书-${x.number}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64') };
}

/** The certificate is printed in Chinese whatever the reader's language. */
async function zhNames(ctx: ServiceCtx, x: ProgrammeCertificateDto) {
  const e = (await findEvent(ctx, x.eventId))!;
  const names = await findFederationNames(ctx, [e.tenantId, e.partnerTenantId, x.homeTenantId]);
  return { host: nameOf(names, e.tenantId, 'zh-CN'), partner: nameOf(names, e.partnerTenantId, 'zh-CN'), home: nameOf(names, x.homeTenantId, 'zh-CN') };
}

/** The member's own certificate of a class as a PDF; NOT_FOUND unless they completed it. */
export async function myCertificatePdf(ctx: ServiceCtx, eventId: string) {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const c = await classOf(ctx, eventId);
  const [x] = c ? (await certificatesOf(ctx, c, { tenantId: ctx.tenantId, memberId })).certificates : [];
  if (!x) throw new AppError('NOT_FOUND');
  return certificatePdf(ctx, x, 'member');
}

/** Any one member's certificate of a class, for staff who see that member's check-ins; NOT_FOUND unless they completed it. */
export async function memberCertificatePdf(ctx: ServiceCtx, input: { eventId: string; homeTenantId: string; memberId: string }) {
  const c = await classOf(ctx, input.eventId);
  const [x] = c ? (await certificatesOf(ctx, c, { tenantId: input.homeTenantId, memberId: input.memberId })).certificates : [];
  if (!x || (x.homeTenantId === ctx.tenantId && !(await membersInScope(ctx, [x.memberId])).has(x.memberId))) throw new AppError('NOT_FOUND');
  return certificatePdf(ctx, x, 'staff');
}

/** A number checked by staff of the host or co-host: the masked facts when it names a completion they can see; NOT_FOUND otherwise. */
export async function checkCertificate(ctx: ServiceCtx, number: string): Promise<z.infer<typeof programmeCertificateCheckDto>> {
  const prefix = certificateEventPrefix(number);
  if (!prefix) throw new AppError('NOT_FOUND');
  const wanted = number.trim().toUpperCase();
  const events = (await findEvents(ctx)).filter((e) => e.kind === 'training' && e.id.replace(/-/g, '').startsWith(prefix));
  for (const e of events) {
    const c = await classOf(ctx, e.id);
    const x = c && (await certificatesOf(ctx, c)).certificates.find((y) => y.number === wanted);
    if (x) return { number: x.number, eventTitle: x.eventTitle, maskedName: maskedName(x.memberName), home: x.home, attended: x.attended, required: x.required, to: x.to };
  }
  throw new AppError('NOT_FOUND');
}

/** programme.certificate.verify — public: the masked facts of an issued certificate and whether they match its hash. */
export async function verifyProgrammeCertificate(ctx: UserCtx, number: string): Promise<z.infer<typeof programmeCertificateVerifyDto>> {
  const found = await withCertificateNumber(ctx.db, number, async (tx) => {
    const [row] = await tx.select().from(programmeCertificates).where(eq(programmeCertificates.number, number)).orderBy(asc(programmeCertificates.createdAt)).limit(1);
    return row;
  });
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found);
  return { ...facts, hash: found.hash, valid: programmeCertificateHash(facts) === found.hash };
}
