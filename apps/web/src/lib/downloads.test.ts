import { describe, expect, it } from 'vitest';
import { memberExportUrl, memberTemplateUrl } from './downloads.ts';

describe('download links', () => {
  it('carry the current filters and leave out empty ones', () => {
    expect(memberExportUrl('hangzhou', { q: '王 伟', orgUnitId: undefined, honour: 'model_worker' })).toBe(
      '/api/t/hangzhou/members/export.xlsx?q=%E7%8E%8B+%E4%BC%9F&honour=model_worker',
    );
    expect(memberExportUrl('hangzhou', {})).toBe('/api/t/hangzhou/members/export.xlsx');
    expect(memberTemplateUrl('ningbo')).toBe('/api/t/ningbo/members/import-template.xlsx');
  });
});
