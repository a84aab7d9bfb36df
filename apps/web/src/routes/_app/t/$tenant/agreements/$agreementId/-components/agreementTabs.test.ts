import { AGREEMENT_STATUSES } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n.ts';
import { agreementTabs } from './agreementTabs.ts';

describe('the tabs of an agreement', () => {
  it('adds the work plan once the agreement has items: in force, expired or terminated', () => {
    const withItems = AGREEMENT_STATUSES.filter((s) => agreementTabs(s).includes('items'));
    expect(withItems).toEqual(['active', 'expired', 'terminated']);
    expect(agreementTabs('active')).toEqual(['overview', 'clauses', 'compare', 'signing', 'liaison', 'meetings', 'cooperation', 'items']);
    expect(agreementTabs('signing')).toEqual(['overview', 'clauses', 'compare', 'signing', 'liaison', 'meetings']);
  });

  it('names every tab in both languages', () => {
    expect(translate('zh-CN', 'agreements.tab.items')).toBe('工作清单');
    expect(translate('en', 'agreements.tab.items')).toBe('Work plan');
    expect(translate('zh-CN', 'agreements.tab.cooperation')).toBe('合作概览与年报');
  });
});
