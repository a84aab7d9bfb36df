import { federations, members, memberships, users, withoutTenant, withTenant } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx, UserCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { consumeCode, createSession, hashPassword, issueCode, maskMobile } from '../auth/index.ts';
import { openIdNumber } from './idNumber.crypto.ts';

// A member activates an account by mobile (docs/decisions/0014-go-live.md): the mobile on their
// member record + the last six characters of their ID number → a one-time SMS code → a password.
// The answer to a request is the same whether or not anything matched (no oracle of who is a
// member); the code is what proves the phone.

type PublicCtx = UserCtx & { env: ServiceCtx['env'] };

/** Member records with this mobile and ID-number ending, not yet linked to an account, across the active federations. */
async function findActivatable(ctx: PublicCtx, mobile: string, idLast6: string): Promise<{ federationId: string; memberId: string } | null> {
  const feds = await withoutTenant(ctx.db, (tx) => tx.select({ id: federations.id }).from(federations).where(eq(federations.status, 'active')));
  for (const f of feds) {
    const found = await withTenant(ctx.db, f.id, async (tx) => {
      const rows = await tx
        .select({ id: members.id, enc: members.idNumberEnc, linked: memberships.id })
        .from(members)
        .leftJoin(memberships, and(eq(memberships.tenantId, members.tenantId), eq(memberships.memberId, members.id)))
        .where(and(eq(members.tenantId, f.id), eq(members.mobile, mobile)));
      return rows.find((r) => !r.linked && openIdNumber(ctx.env.memberIdKey, r.enc).slice(-6).toUpperCase() === idLast6.toUpperCase());
    });
    if (found) return { federationId: f.id, memberId: found.id };
  }
  return null;
}

export async function requestActivationCode(ctx: PublicCtx, input: { mobile: string; idLast6: string }): Promise<void> {
  const [taken] = await withoutTenant(ctx.db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.mobile, input.mobile)));
  if (taken) return; // an account exists: sign in, or reset the password
  const match = await findActivatable(ctx, input.mobile, input.idLast6);
  if (!match) return;
  await issueCode(ctx.db, {
    mobile: input.mobile,
    purpose: 'activate',
    ip: ctx.ip,
    now: ctx.now,
    federationId: match.federationId,
    memberId: match.memberId,
    text: (code) => `【工会协作平台】您正在激活会员账号，验证码 ${code}，10 分钟内有效。请勿告诉他人。`,
  });
}

/** The code proves the phone: the account is created for the member record, with a member membership, and signed in. */
export async function activateAccount(ctx: PublicCtx, input: { mobile: string; code: string; password: string }) {
  const target = await consumeCode(ctx.db, { mobile: input.mobile, purpose: 'activate', code: input.code, now: ctx.now });
  if (!target.federationId || !target.memberId) throw new AppError('INVALID_CREDENTIALS');
  const passwordHash = await hashPassword(input.password);
  const federationId = target.federationId;
  const memberId = target.memberId;
  const userId = await withTenant(ctx.db, federationId, async (tx) => {
    const [m] = await tx.select({ name: members.name }).from(members).where(and(eq(members.tenantId, federationId), eq(members.id, memberId)));
    if (!m) throw new AppError('NOT_FOUND');
    // the login name of a member account is its mobile; the email column holds a reserved, never-delivered address
    const [u] = await tx
      .insert(users)
      .values({ email: `${input.mobile}@member.invalid`, mobile: input.mobile, displayName: m.name, passwordHash, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!u) throw new AppError('CONFLICT');
    await tx.insert(memberships).values({ tenantId: federationId, userId: u.id, roles: ['member'], memberId });
    const actor = { userId: u.id, label: maskMobile(input.mobile), ip: ctx.ip, userAgent: ctx.userAgent, roles: [], memberId };
    await recordAudit({ db: tx, tenantId: federationId, actor, now: ctx.now }, { type: 'member.account_activated', entityType: 'member', entityId: memberId, data: { mobile: maskMobile(input.mobile) } });
    return u.id;
  });
  return withoutTenant(ctx.db, (tx) => createSession(tx, userId, ctx));
}
