import { z } from 'zod';

/**
 * A person as a reader sees them: 姓名 + 职务 + 单位, never a login email. `system` marks what the
 * application did by itself (jobs, automatic steps); screens show it as 系统 / System.
 * The one shape every DTO uses for "who did it" (versions, signatures, confirmations, audit, activity).
 */
export const personRef = z.object({
  kind: z.enum(['person', 'system']),
  /** 姓名 (empty for the system) */
  name: z.string(),
  /** 职务, e.g. 常务副主席 (may be empty when never recorded) */
  title: z.string(),
  /** 单位: the federation (or unit) the person acted for */
  unit: z.string(),
});
export type PersonRef = z.infer<typeof personRef>;

export const SYSTEM_PERSON: PersonRef = { kind: 'system', name: '', title: '', unit: '' };

/** "张伟（杭州市总工会 常务副主席）"; the system as `systemLabel`. One formatting for screens and PDFs. */
export function personText(p: PersonRef, systemLabel: string): string {
  if (p.kind === 'system') return systemLabel;
  const detail = [p.unit, p.title].filter(Boolean).join(' ');
  return detail ? `${p.name}（${detail}）` : p.name;
}
