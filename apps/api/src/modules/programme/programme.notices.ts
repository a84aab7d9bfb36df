import { asTenant, memberships } from '@uc/db';
import { eq } from 'drizzle-orm';
import { chinaDateTime } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { deliverNotice, staffOf, type NoticeKind } from '../notification/index.ts';
import { findFederationNames } from './programme.repo.ts';
import type { EventRow, RegistrationRow, SessionRow } from './programme.types.ts';

// What a registration's steps leave for the member: an in-app notice and an email (through the
// outbox) to each login of the member, in their home federation, in their language.

export async function tellMember(
  ctx: ServiceCtx,
  r: Pick<RegistrationRow, 'tenantId' | 'memberId' | 'id'>,
  kind: NoticeKind,
  e: Pick<EventRow, 'title' | 'tenantId'>,
  s: Pick<SessionRow, 'startsAt' | 'id'>,
  extra: Record<string, string> = {},
): Promise<number> {
  const names = await findFederationNames(ctx, [r.tenantId, e.tenantId]);
  const home = names.get(r.tenantId);
  if (!home) return 0;
  const vars = { event: e.title, date: chinaDateTime(s.startsAt), host: names.get(e.tenantId)?.nameZh ?? '', reason: '', ...extra };
  const send = async () => {
    const recipients = await staffOf(ctx.db, r.tenantId, eq(memberships.memberId, r.memberId));
    return deliverNotice(ctx.db, { tenantId: r.tenantId, slug: home.slug }, recipients, { kind, vars, link: '/t/{slug}/programmes', dedupeKey: `${kind}:${r.id}:${s.startsAt.getTime()}` }, ctx.env.publicUrl);
  };
  return ctx.tenantId === r.tenantId ? send() : asTenant(ctx.db, r.tenantId, send);
}
