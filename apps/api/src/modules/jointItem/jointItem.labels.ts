import { HEALTHS, JOINT_ITEM_STATUSES, JOINT_KINDS, type Health, type JointItemStatus, type JointKind, type LabelDto } from '@uc/contracts';
import { uiEn, uiZh, type UiKey } from '@uc/contracts/i18n';

// Labels the item panels carry in both languages (panels render without the web catalogue),
// read from the catalogue the pages use: one label per state across the app (issue 16).
const label = (key: UiKey): LabelDto => ({ zh: uiZh[key], en: uiEn[key] });
const labels = <K extends string>(codes: readonly K[], prefix: string): Record<K, LabelDto> =>
  Object.fromEntries(codes.map((c) => [c, label(`${prefix}${c}` as UiKey)])) as Record<K, LabelDto>;

export const KIND_LABELS: Record<JointKind, LabelDto> = labels(JOINT_KINDS, 'items.kind.');
export const STATUS_LABELS: Record<JointItemStatus, LabelDto> = labels(JOINT_ITEM_STATUSES, 'items.status.');
export const HEALTH_LABELS: Record<Health, LabelDto> = labels(HEALTHS, 'items.health.');
