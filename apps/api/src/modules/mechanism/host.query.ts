import { jointMeetings } from '@uc/db';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { findAgreement, findParties, type AgreementRow, type PartyRow } from '../agreement/index.ts';

/**
 * Who hosts the next joint meeting when nobody says: the parties take turns in party order
 * (seed 003: "由双方轮流承办"). The first meeting goes to the initiator, and so does a turn whose
 * previous host is no longer among the parties.
 */
export function nextHost(parties: PartyRow[], previousHostTenantId: string | null): PartyRow {
  const ordered = [...parties].sort((a, b) => a.position - b.position);
  const initiator = ordered.find((p) => p.role === 'initiator') ?? ordered[0]!;
  const i = ordered.findIndex((p) => p.tenantId === previousHostTenantId);
  if (i < 0) return initiator;
  return ordered[(i + 1) % ordered.length]!;
}

/** The host of the latest meeting on or before the date: the turn a new meeting follows. */
export async function previousHost(ctx: ServiceCtx, a: AgreementRow, date: string): Promise<string | null> {
  const [prev] = await ctx.db
    .select({ host: jointMeetings.hostTenantId })
    .from(jointMeetings)
    .where(and(eq(jointMeetings.tenantId, a.tenantId), eq(jointMeetings.agreementId, a.id), lte(jointMeetings.meetingDate, date)))
    .orderBy(desc(jointMeetings.meetingDate), desc(jointMeetings.createdAt))
    .limit(1);
  return prev?.host ?? null;
}

/** The host meeting.create would pick for a meeting on that date, so a form can show it before scheduling. */
export async function proposeHost(ctx: ServiceCtx, input: { agreementId: string; meetingDate: string }) {
  const a = await findAgreement(ctx, input.agreementId);
  const host = nextHost(await findParties(ctx, a), await previousHost(ctx, a, input.meetingDate));
  return { slug: host.slug, nameZh: host.nameZh, nameEn: host.nameEn };
}
