import { ACCESS } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { MENU, menuSections } from './menu.ts';

describe('the side menu', () => {
  it('names only procedures of the ACCESS matrix', () => {
    for (const m of MENU) expect(ACCESS[m.procedure], m.procedure).toBeDefined();
  });

  it('shows each role only what it may open', () => {
    expect(menuSections(['member'])).toEqual(['recuperation', 'rights/mine', 'programmes', 'contests/apply', 'notifications']);
    const officer = menuSections(['officer']);
    expect(officer).toContain('recuperation-admin');
    expect(officer).toContain('members');
    expect(officer).not.toContain('audit');
    expect(officer).not.toContain('rights');
    const lead = menuSections(['lead']);
    // the request desk and the member list are the office's (admin, officer)
    expect(lead).not.toContain('recuperation-admin');
    expect(lead).not.toContain('members');
    expect(menuSections(['judge'])).toContain('judge');
    expect(menuSections(['admin'])).toContain('audit');
    expect(menuSections(['caseworker'])).toContain('rights');
  });
});
