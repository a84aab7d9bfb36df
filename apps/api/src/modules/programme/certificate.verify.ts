import { createHash } from 'node:crypto';
import type { ProgrammeCertificateDto, programmeCertificateVerifyDto } from '@uc/contracts';
import { programmeCertificates, type Db } from '@uc/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx, UserCtx } from '../../service.ts';
import { maskedName } from './programme.rules.ts';

// A completion certificate as issued (decision 0057): the first time a federation hands one out, the
// masked facts printed on it are stored with their hash; the QR code on the PDF leads to the public
// page (/verify/certificate/<number>), which reads them by number in a transaction where nothing
// else is visible — as contest certificates are — and says whether they still match the hash.

type Facts = Omit<z.infer<typeof programmeCertificateVerifyDto>, 'hash' | 'valid'>;

export function programmeCertificateHash(f: Facts): string {
  const canonical = JSON.stringify([f.number, f.maskedName, f.classTitle, f.topic, f.attended, f.sessions, f.creditHours, f.completedOn, f.issuedOn, f.issuers]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const factsOf = (row: typeof programmeCertificates.$inferSelect): Facts => ({
  number: row.number,
  maskedName: row.maskedName,
  classTitle: row.classTitle,
  topic: row.topic,
  attended: row.attended,
  sessions: row.sessions,
  creditHours: row.creditHours,
  completedOn: row.completedOn,
  issuedOn: row.issuedOn,
  issuers: row.issuers,
});

/** The certificate as first issued by the caller's federation (stored now when it never was): its issue date and facts. */
export async function issueCertificate(ctx: ServiceCtx, x: ProgrammeCertificateDto, issuers: string[]): Promise<Facts> {
  const facts: Facts = {
    number: x.number,
    maskedName: maskedName(x.memberName),
    classTitle: x.eventTitle,
    topic: x.topic,
    attended: x.attended,
    sessions: x.sessions,
    creditHours: String(x.creditHours),
    completedOn: x.to,
    issuedOn: chinaDate(ctx.now),
    issuers,
  };
  await ctx.db
    .insert(programmeCertificates)
    .values({ tenantId: ctx.tenantId, eventId: x.eventId, homeTenantId: x.homeTenantId, memberId: x.memberId, ...facts, hash: programmeCertificateHash(facts) })
    .onConflictDoNothing();
  const [row] = await ctx.db
    .select()
    .from(programmeCertificates)
    .where(and(eq(programmeCertificates.tenantId, ctx.tenantId), eq(programmeCertificates.number, x.number)));
  return factsOf(row!);
}

/** programme.certificate.verify — public: the masked facts of an issued certificate and whether they match its hash. */
export async function verifyProgrammeCertificate(ctx: UserCtx, number: string): Promise<z.infer<typeof programmeCertificateVerifyDto>> {
  const found = await ctx.db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    await tx.execute(sql`select set_config('role', 'uc_app', true), set_config('app.tenant_id', '', true), set_config('app.certificate_number', ${number}, true)`);
    const [row] = await tx.select().from(programmeCertificates).where(eq(programmeCertificates.number, number)).orderBy(asc(programmeCertificates.createdAt)).limit(1);
    return row;
  });
  if (!found) throw new AppError('NOT_FOUND');
  const facts = factsOf(found);
  return { ...facts, hash: found.hash, valid: programmeCertificateHash(facts) === found.hash };
}
