import { uiEn, uiZh, type UiKey } from '@uc/contracts/i18n';
import type { Locale } from '@uc/contracts';

export type { UiKey };
export type MessageVars = Record<string, string | number>;

const catalogues: Record<Locale, Record<UiKey, string>> = { 'zh-CN': uiZh, en: uiEn };

/** The message for key in locale, with {name} placeholders filled from vars. */
export function translate(locale: Locale, key: UiKey, vars?: MessageVars): string {
  const text = catalogues[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a string built at run time (an audit event type, say) names a message. */
export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(uiZh, key);
}

/** A federation's or other bilingual name in the reader's language. */
export function localName(locale: Locale, names: { nameZh: string; nameEn: string }): string {
  return locale === 'en' ? names.nameEn : names.nameZh;
}
