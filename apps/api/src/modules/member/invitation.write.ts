import type { MemberSmsInviteDto } from '@uc/contracts';
import { federations, members, smsOutbox } from '@uc/db';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { hasAccountSql } from './member.repo.ts';

// Staff invite members to activate an account (issue 12): an SMS with the activation page's
// address. The link carries nothing secret — activation still asks for the ID number's last six
// characters and a code sent to the phone. A member with an account, without a mobile, or invited
// in the last day is skipped and counted, so a second click on the same selection sends nothing.

const DAY_MS = 24 * 60 * 60 * 1000;

export async function inviteMembersBySms(ctx: ServiceCtx, input: { memberIds: string[] }): Promise<MemberSmsInviteDto> {
  const ids = [...new Set(input.memberIds)];
  const found = await ctx.db
    .select({
      id: members.id,
      mobile: members.mobile,
      hasAccount: hasAccountSql,
    })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, ids)))
    // two invitations of the same members at once: the second waits and then sees the first's rows
    .for('update');
  if (found.length !== ids.length) throw new AppError('NOT_FOUND');

  const since = new Date(ctx.now.getTime() - DAY_MS);
  const recent = new Set(
    (
      await ctx.db
        .select({ memberId: smsOutbox.memberId })
        .from(smsOutbox)
        .where(and(inArray(smsOutbox.memberId, ids), eq(smsOutbox.federationId, ctx.tenantId), eq(smsOutbox.purpose, 'invite'), gt(smsOutbox.createdAt, since)))
    ).map((r) => r.memberId),
  );
  const tally = { invited: 0, alreadyActive: 0, noMobile: 0, recentlyInvited: 0 };
  const toSend: { id: string; mobile: string }[] = [];
  for (const m of found) {
    if (m.hasAccount) tally.alreadyActive++;
    else if (!m.mobile) tally.noMobile++;
    else if (recent.has(m.id)) tally.recentlyInvited++;
    else toSend.push({ id: m.id, mobile: m.mobile });
  }
  if (!toSend.length) return tally;

  const [fed] = await ctx.db.select({ name: federations.nameZh }).from(federations).where(eq(federations.id, ctx.tenantId));
  const body = `【工会协作平台】${fed?.name ?? ''}邀请您开通会员账号：打开 ${ctx.env.publicUrl}/activate ，输入本手机号和身份证号后六位，再填短信验证码即可。`;
  await ctx.db.insert(smsOutbox).values(toSend.map((m) => ({ toMobile: m.mobile, body, purpose: 'invite', federationId: ctx.tenantId, memberId: m.id, createdAt: ctx.now })));
  tally.invited = toSend.length;
  await recordAudit(ctx, { type: 'member.invited_by_sms', entityType: 'member', entityId: null, data: { count: toSend.length } });
  return tally;
}
