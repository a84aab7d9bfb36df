import type { UiKey } from '@uc/contracts/i18n';
import type { Locale } from '@uc/contracts';

export type { UiKey };
export type MessageVars = Record<string, string | number>;
type Catalogue = Record<UiKey, string>;

/**
 * The interface's words, one language at a time: each catalogue is its own chunk, loaded when the
 * language is first used (lib/locale.ts waits for it before showing or switching), so a page loads
 * only the words of the language it shows (issue 13, light pages).
 */
const catalogues: Partial<Record<Locale, Catalogue>> = {};
const loaders: Record<Locale, () => Promise<Catalogue>> = {
  'zh-CN': () => import('@uc/contracts/i18n/zh-CN').then((m) => m.uiZh),
  en: () => import('@uc/contracts/i18n/en').then((m) => m.uiEn),
};

/** Loads a language's catalogue (once); translate() in that language works after it resolves. */
export async function loadCatalogue(locale: Locale): Promise<void> {
  catalogues[locale] ??= await loaders[locale]();
}

export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** The catalogue of locale, or while it is still loading the other one (both have every key). */
function catalogue(locale: Locale): Catalogue | undefined {
  return catalogues[locale] ?? catalogues['zh-CN'] ?? catalogues.en;
}

/** The message for key in locale, with {name} placeholders filled from vars. */
export function translate(locale: Locale, key: UiKey, vars?: MessageVars): string {
  const text = catalogue(locale)?.[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a string built at run time (an audit event type, say) names a message. */
export function isUiKey(key: string): key is UiKey {
  const loaded = catalogue('zh-CN');
  return loaded !== undefined && Object.hasOwn(loaded, key);
}

/** Every message key (from whichever catalogue is loaded: both have the same keys). */
export function uiKeys(): UiKey[] {
  return Object.keys(catalogue('zh-CN') ?? {}) as UiKey[];
}

/** A federation's or other bilingual name in the reader's language. */
export function localName(locale: Locale, names: { nameZh: string; nameEn: string }): string {
  return locale === 'en' ? names.nameEn : names.nameZh;
}
