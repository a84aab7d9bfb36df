import { useCallback, useSyncExternalStore } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@uc/contracts';
import { translate, type MessageVars, type UiKey } from './i18n.ts';

/**
 * The language of the interface. Signed-out pages remember it in the uc_locale cookie, which the
 * API also reads, so its messages come back in the same language; a signed-in user's choice is
 * stored on their account (auth.setLocale) and wins over the cookie.
 */
const COOKIE = 'uc_locale';
const listeners = new Set<() => void>();
let current: Locale = readCookie();
applyToPage(current);

function readCookie(): Locale {
  const match = /(?:^|;\s*)uc_locale=([^;]+)/.exec(document.cookie);
  return match?.[1] === 'en' ? 'en' : 'zh-CN';
}

function applyToPage(locale: Locale) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.name');
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale) {
  document.cookie = `${COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  if (locale === current) return;
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

export type TFunction = (key: UiKey, vars?: MessageVars) => string;

/** t('members.title'), in the current language. */
export function useT(): TFunction {
  const locale = useLocale();
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}
