import { asTenant, federations, memberships, notifications, outbox, users, type Db } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { renderNotice, type NoticeKind } from '../notification/index.ts';
import { mailSubject, notifyFederation } from '../notification/index.ts';
import { noticeVarsFor } from './booking.query.ts';
import { findFederationNames } from './recuperation.repo.ts';
import type { BookingRow } from './recuperation.types.ts';

// What each step of a booking leaves behind: notices to the member (in-app and email, in their
// language) in their home federation and to the staff who must act next, and the step's audit
// event. Written in the caller's transaction.

/** The member's notice about their booking, naming its route, batch, date and host. */
export async function tell(ctx: ServiceCtx, b: BookingRow, kind: NoticeKind, extra: Record<string, string | number> = {}) {
  await notifyMember(noticeCtx(ctx), b, kind, { ...(await noticeVarsFor(ctx, b)), ...extra });
}

/** The audit event of a booking's step (from its status before the step). */
export async function auditStep(ctx: ServiceCtx, b: Pick<BookingRow, 'id' | 'status'>, step: string, to: string, reason?: string) {
  await recordAudit(ctx, { type: 'recuperation.booking_step', entityType: 'recuperation_booking', entityId: b.id, data: { step, from: b.status, to, ...(reason ? { reason } : {}) } });
}

/** The notice context of a service's transaction. */
export const noticeCtx = (ctx: Pick<ServiceCtx, 'db' | 'tenantId' | 'env'>): NoticeCtx => ({ db: ctx.db, tenantId: ctx.tenantId, publicUrl: ctx.env.publicUrl });

export interface NoticeCtx {
  db: Db;
  /** the transaction's current tenant */
  tenantId: string;
  publicUrl: string;
}

export interface BookingNoticeVars {
  route: string;
  code: string;
  date: string;
  host: string;
  hostEn?: string;
  [k: string]: string | number | undefined;
}

const clean = (vars: BookingNoticeVars) => Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== undefined)) as Record<string, string | number>;

/** Tells the member (each active login of theirs) about their booking. */
export async function notifyMember(ctx: NoticeCtx, b: BookingRow, kind: NoticeKind, vars: BookingNoticeVars): Promise<void> {
  const zh = renderNotice(kind, 'zh-CN', clean(vars));
  const en = renderNotice(kind, 'en', clean(vars));
  // one statement for every login of the member: the notice in their language and its email (on the booking path);
  // a member account activated by mobile has no real address (…@member.invalid): in-app only
  const send = () =>
    ctx.db.execute(sql`
      with r as (
        select u.id as user_id, u.email, '/t/' || f.slug || ${`/recuperation/bookings/${b.id}`} as link, u.locale = 'en' as en
        from ${memberships} m join ${users} u on u.id = m.user_id join ${federations} f on f.id = m.tenant_id
        where m.tenant_id = ${b.tenantId} and m.member_id = ${b.memberId} and m.status = 'active'),
      t as (
        select r.*, case when r.en then ${en.title} else ${zh.title} end as title, case when r.en then ${en.body} else ${zh.body} end as body from r),
      n as (
        insert into ${notifications} (tenant_id, user_id, kind, title, body, link) select ${b.tenantId}::uuid, user_id, ${kind}, title, body, link from t returning 1)
      insert into ${outbox} (tenant_id, to_email, subject, body_text)
      select ${b.tenantId}::uuid, email, case when en then ${mailSubject('en', '')} else ${mailSubject('zh-CN', '')} end || title, body || ${'\n\n' + ctx.publicUrl} || link || ${'\n'} from t
      where t.email not like '%@member.invalid'`);
  // the member's own federation: already the transaction's tenant when a member or its staff act
  await (ctx.tenantId === b.tenantId ? send() : asTenant(ctx.db, b.tenantId, send));
}

/** Tells the host's staff a booking awaits their confirmation. */
export async function notifyHostToConfirm(ctx: NoticeCtx, b: BookingRow, vars: BookingNoticeVars & { party: string; member: string }): Promise<void> {
  const host = (await findFederationNames(ctx, [b.hostTenantId])).get(b.hostTenantId);
  await notifyFederation(
    ctx.db,
    { tenantId: b.hostTenantId, slug: host!.slug },
    ['admin', 'officer'],
    { kind: 'booking.to_confirm', vars: clean(vars), link: `/t/{slug}/recuperation/batches/${b.batchId}`, dedupeKey: `booking.to_confirm:${b.id}` },
    ctx.publicUrl,
  );
}
