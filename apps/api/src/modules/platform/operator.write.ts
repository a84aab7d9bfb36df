import { randomBytes } from 'node:crypto';
import { users, withoutTenant, type Db } from '@uc/db';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/index.ts';
import { recordPlatformAudit } from './platformAudit.write.ts';

// The platform operator is made by the CLI (`pnpm --filter @uc/api cli operator:create …`), never
// by a seeded password: a new operator gets a random one-time password printed once, to be
// changed at first sign-in; an existing user is promoted and keeps their password.

export async function createOperator(db: Db, input: { email: string; displayName: string }, now: Date): Promise<{ userId: string; password: string | null }> {
  const email = input.email.trim().toLowerCase();
  return withoutTenant(db, async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    let userId: string;
    let password: string | null = null;
    if (existing) {
      await tx.update(users).set({ platformRole: 'operator' }).where(eq(users.id, existing.id));
      userId = existing.id;
    } else {
      password = randomBytes(12).toString('base64url');
      const [u] = await tx.insert(users).values({ email, displayName: input.displayName, passwordHash: await hashPassword(password), platformRole: 'operator' }).returning();
      userId = u!.id;
    }
    await recordPlatformAudit(tx, { userId: null, label: 'cli', ip: null }, now, { type: 'platform.operator_created', entityType: 'user', entityId: userId, data: { email, promoted: !!existing } });
    return { userId, password };
  });
}
