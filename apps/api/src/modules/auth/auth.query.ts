import type { MeDto, Role, SessionDto } from '@uc/contracts';
import { federations, memberships, sessions, withoutTenant } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import type { UserCtx } from '../../service.ts';
import { validateSessionToken, type AuthSession } from './session.write.ts';

export async function getMe(ctx: UserCtx, auth: AuthSession): Promise<MeDto> {
  return withoutTenant(
    ctx.db,
    async (tx) => {
      const rows = await tx
        .select({
          tenantId: memberships.tenantId,
          slug: federations.slug,
          nameZh: federations.nameZh,
          nameEn: federations.nameEn,
          roles: memberships.roles,
          memberId: memberships.memberId,
        })
        .from(memberships)
        .innerJoin(federations, eq(federations.id, memberships.tenantId))
        .where(and(eq(memberships.userId, auth.user.id), eq(memberships.status, 'active')))
        .orderBy(federations.slug);
      return {
        user: { id: auth.user.id, email: auth.user.email, displayName: auth.user.displayName, locale: auth.user.locale === 'en' ? 'en' : 'zh-CN', platformRole: auth.user.platformRole === 'operator' ? 'operator' : null },
        memberships: rows.map((r) => ({ ...r, roles: r.roles as Role[] })),
      };
    },
    { userId: auth.user.id },
  );
}

/** The user of a session just opened (sign-in, an accepted invitation), as the app shows them. */
export async function meOfNewSession(ctx: UserCtx, token: string): Promise<MeDto> {
  const auth = await validateSessionToken(ctx.db, token, ctx.now);
  return getMe(ctx, auth!);
}

export async function listMySessions(ctx: UserCtx, auth: AuthSession): Promise<SessionDto[]> {
  const rows = await withoutTenant(ctx.db, (tx) =>
    tx.select().from(sessions).where(eq(sessions.userId, auth.user.id)).orderBy(desc(sessions.lastSeenAt)),
  );
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === auth.sessionId,
  }));
}
