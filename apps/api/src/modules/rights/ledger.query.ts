import type { FileDto, ReferralStatus } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import { XLSX_TYPE } from '../../lib/xlsx.ts';
import { recordAudit } from '../audit/index.ts';
import { clocksOf } from './referral.dto.ts';
import { ledgerXlsx, type LedgerLine } from './ledger.xlsx.ts';
import { CLOCK_LABELS, DISPUTE_LABELS } from './rights.labels.ts';
import { findEvents, findFederations, findServiceLevels, listVisibleReferrals } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// The year's ledger of referrals the federation sent or received (by the date of referral, China time).

const STATUS_ZH: Record<ReferralStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  returned: '已退回',
  in_progress: '办理中',
  on_hold: '暂停（等待材料）',
  resolved: '已办结',
  followed_up: '已回访',
  archived: '已归档',
};
const OUTCOME_ZH: Record<string, string> = { mediated: '调解成功', arbitration_award: '仲裁裁决', judgement: '法院判决', withdrawn: '职工撤回', no_merit: '诉求不成立', transferred: '移送其他部门' };

export async function ledgerFile(ctx: Ctx, year: number): Promise<FileDto> {
  const rows = (await listVisibleReferrals(ctx, 'all')).filter((r) => chinaDate(r.createdAt).startsWith(String(year))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const events = await findEvents(ctx.db, rows);
  const feds = await findFederations(ctx.db, [ctx.tenantId, ...rows.flatMap((r) => [r.tenantId, r.performerTenantId])]);
  const levels = await findServiceLevels(ctx.db, [...rows.map((r) => r.tenantId), ...events.map((e) => e.performerTenantId)]);
  const lines: LedgerLine[] = rows.map((r, i) => {
    const evs = events.filter((e) => e.referralId === r.id);
    const clocks = clocksOf(r, evs, levels, ctx.now);
    const resolved = evs.find((e) => e.type === 'resolve');
    const referred = r.tenantId === ctx.tenantId;
    return {
      no: i + 1,
      direction: referred ? '转出' : '转入',
      partner: feds.get(referred ? r.performerTenantId : r.tenantId)?.nameZh ?? '',
      kind: DISPUTE_LABELS[r.disputeKind as keyof typeof DISPUTE_LABELS].zh,
      referredOn: chinaDate(r.createdAt),
      status: STATUS_ZH[r.status as ReferralStatus],
      assignee: r.assignee ?? '',
      outcome: r.outcome ? (OUTCOME_ZH[r.outcome] ?? r.outcome) : '',
      recoveredYuan: (r.amountRecoveredFen ?? 0) / 100,
      acceptDays: clocks.find((c) => c.kind === 'accept')!.elapsedDays,
      breached: clocks.filter((c) => c.breached).map((c) => `${CLOCK_LABELS[c.kind].zh}超时`).join('、'),
      closedOn: resolved ? chinaDate(resolved.at) : '',
    };
  });
  const fed = feds.get(ctx.tenantId)!;
  await recordAudit(ctx, { type: 'rights.ledger_exported', entityType: 'rights_referral', entityId: null, data: { year, rows: lines.length } });
  const buffer = await ledgerXlsx(`${fed.nameZh} ${year}年异地维权协作台账`, lines);
  return { filename: `异地维权协作台账-${year}.xlsx`, contentType: XLSX_TYPE, base64: buffer.toString('base64') };
}
