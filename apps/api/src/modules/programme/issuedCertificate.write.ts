import { createHash } from 'node:crypto';
import type { ProgrammeCertificateDto, programmeCertificateVerifyDto } from '@uc/contracts';
import { programmeCertificates } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { maskedName } from './programme.rules.ts';

// A completion certificate as issued (decision 0057): the first time a federation hands one out, the
// masked facts printed on it are stored with their hash; the QR code on the PDF leads to the public
// page (/verify/certificate/<number>), which reads them by number in a transaction where nothing
// else is visible — as contest certificates are (certificate.query.ts) — and says whether they still
// match the hash.

export type IssuedFacts = Omit<z.infer<typeof programmeCertificateVerifyDto>, 'hash' | 'valid'>;

export function programmeCertificateHash(f: IssuedFacts): string {
  const canonical = JSON.stringify([f.number, f.maskedName, f.classTitle, f.topic, f.attended, f.sessions, f.creditHours, f.completedOn, f.issuedOn, f.issuers]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export const factsOf = (row: typeof programmeCertificates.$inferSelect): IssuedFacts => ({
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
export async function issueCertificate(ctx: ServiceCtx, x: ProgrammeCertificateDto, issuers: string[]): Promise<IssuedFacts> {
  const facts: IssuedFacts = {
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
