import { uiEn, uiZh, type UiKey } from '@uc/contracts/i18n';
import { describe, expect, it } from 'vitest';
import { isUiKey, translate } from './i18n.ts';

const keys = Object.keys(uiZh) as UiKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface messages', () => {
  it('give every key a non-empty text in Chinese and in English', () => {
    const missing = keys.filter((k) => !uiZh[k]?.trim() || !uiEn[k]?.trim());
    expect(missing).toEqual([]);
  });

  it('have no English keys that Chinese lacks', () => {
    expect(Object.keys(uiEn).filter((k) => !isUiKey(k))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = keys.filter((k) => placeholders(uiZh[k]).join() !== placeholders(uiEn[k]).join());
    expect(differing).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(translate('zh-CN', 'home.welcome', { name: '王伟' })).toBe('欢迎，王伟');
    expect(translate('en', 'home.welcome', {})).toBe('Welcome, {name}');
  });
});
