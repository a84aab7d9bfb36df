import type { CooperationOverviewDto, ReportDto } from '@uc/contracts';
import { canonicalJson, sha256Hex } from '../../lib/canonical.ts';

// The report's content and its hash: the same canonical JSON hashing agreements use, so any change
// to a stored figure, text or commentary changes the hash (verify recomputes it).

export type ReportContent = ReportDto['content'];

export const reportHash = (content: ReportContent) => sha256Hex(canonicalJson(content));

/** 存在问题 and 下一步打算 as staff first see them: the figures that need attention, one line per commons. */
export function prefill(overview: CooperationOverviewDto): { problems: string; plans: string } {
  const problems = overview.sections.flatMap((s) => s.attention.map((a) => `${s.title.zh}：${a.detail.zh}`));
  const plans = overview.sections.map((s) => `${s.title.zh}：在${s.figures.slice(0, 2).map((f) => `${f.label.zh}${f.value}${f.unit?.zh ?? ''}`).join('、')}的基础上继续推进。`);
  return { problems: problems.length ? problems.join('\n') : '暂无逾期或待处理事项。', plans: plans.join('\n') };
}

/** the content with this party's commentary set (others' kept), parties in a stable order */
export function withCommentary(content: ReportContent, party: string, text: string): ReportContent {
  const others = content.commentary.filter((c) => c.party !== party);
  return { ...content, commentary: [...others, { party, text }].sort((a, b) => a.party.localeCompare(b.party)) };
}
