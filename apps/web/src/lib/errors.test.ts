import { describe, expect, it } from 'vitest';
import { errorInfo, fieldName } from './errors.ts';

describe('errorInfo', () => {
  it('falls back when the request never reached the API', () => {
    expect(errorInfo(new TypeError('Failed to fetch'), '网络异常')).toEqual({ code: null, message: '网络异常', fields: {}, details: {} });
  });
});

describe('fieldName', () => {
  it('turns list indexes into numbers for AntD forms', () => {
    expect(fieldName('honours.0.validFrom')).toEqual(['honours', 0, 'validFrom']);
    expect(fieldName('name')).toEqual(['name']);
  });
});
