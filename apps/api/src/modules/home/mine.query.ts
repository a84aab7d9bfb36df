import type { MemberHomeDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { memberSectionList } from './home.registry.ts';

/** rows per section on the page (each section says its total) */
export const SECTION_LIMIT = 10;

/**
 * The member's 我的 page in one answer: each registered section asked for the signed-in member's
 * own rows (their member record, their federation). A section with nothing is left out.
 */
export async function memberHome(ctx: ServiceCtx): Promise<MemberHomeDto> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const sections: MemberHomeDto['sections'] = [];
  for (const s of memberSectionList()) {
    const { rows, total } = await s.load({ ...ctx, memberId }, SECTION_LIMIT);
    if (total > 0) sections.push({ key: s.key, rows: rows.slice(0, SECTION_LIMIT), total });
  }
  return { sections };
}
