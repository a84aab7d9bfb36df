import { useCallback, useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import type { Locale as AntdLocale } from 'antd/es/locale';
import type { Locale } from '@uc/contracts';
import { loadCatalogue, translate, type MessageVars, type UiKey } from './i18n.ts';

/**
 * The language of the interface. Signed-out pages remember it in the uc_locale cookie, which the
 * API also reads, so its messages come back in the same language; a signed-in user's choice is
 * stored on their account (auth.setLocale) and wins over the cookie.
 *
 * A language's words, Ant Design's texts and dayjs's month names are loaded when the language is
 * first used (issue 13, light pages): startLocale() before the first render, setLocale() before
 * switching — the page keeps the old language for the moment the new one takes to arrive.
 */
const COOKIE = 'uc_locale';
const listeners = new Set<() => void>();
let current: Locale = readCookie();
let wanted: Locale = current;
const antdLocales: Partial<Record<Locale, AntdLocale>> = {};

function readCookie(): Locale {
  const match = /(?:^|;\s*)uc_locale=([^;]+)/.exec(document.cookie);
  return match?.[1] === 'en' ? 'en' : 'zh-CN';
}

async function loadLanguage(locale: Locale): Promise<void> {
  if (locale === 'en') {
    await Promise.all([loadCatalogue('en'), import('antd/es/locale/en_US').then((m) => (antdLocales.en = m.default))]);
  } else {
    await Promise.all([
      loadCatalogue('zh-CN'),
      import('antd/es/locale/zh_CN').then((m) => (antdLocales['zh-CN'] = m.default)),
      import('dayjs/locale/zh-cn'),
    ]);
  }
}

function applyToPage(locale: Locale) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.name');
}

/** Loads the cookie's language; main.tsx renders once it is here. */
export async function startLocale(): Promise<void> {
  await loadLanguage(current);
  applyToPage(current);
}

export function getLocale(): Locale {
  return current;
}

/** Switches the interface to locale once its words are loaded (a later call wins over an earlier one). */
export async function setLocale(locale: Locale): Promise<void> {
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  wanted = locale;
  if (locale === current) return;
  await loadLanguage(locale);
  if (wanted !== locale || locale === current) return;
  current = locale;
  applyToPage(locale);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale);
}

/** Ant Design's texts for the current language (undefined: its built-in English). */
export function useAntdLocale(): AntdLocale | undefined {
  return antdLocales[useLocale()];
}

export type TFunction = (key: UiKey, vars?: MessageVars) => string;

/** t('members.title'), in the current language. */
export function useT(): TFunction {
  const locale = useLocale();
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}
