import { describe, expect, it } from 'vitest';
import { loadEnv, requestEnv } from './env.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('the public address used in emailed links', () => {
  it('is required in production, and must be an origin', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', MEMBER_ID_KEY: KEY })).toThrow(/PUBLIC_URL must be set in production/);
    expect(() => loadEnv({ NODE_ENV: 'production', MEMBER_ID_KEY: KEY, PUBLIC_URL: 'union.example.cn' })).toThrow(/PUBLIC_URL must be an origin/);
    expect(loadEnv({ NODE_ENV: 'production', MEMBER_ID_KEY: KEY, AUDIT_KEY: KEY, PUBLIC_URL: 'https://union.example.cn/' }).publicUrl).toBe('https://union.example.cn');
  });

  it('refuses production without the audit chain key (the database never holds it)', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', MEMBER_ID_KEY: KEY, PUBLIC_URL: 'https://union.example.cn' })).toThrow(/AUDIT_KEY must be set in production/);
    expect(() => loadEnv({ NODE_ENV: 'production', MEMBER_ID_KEY: KEY, AUDIT_KEY: 'c2hvcnQ=', PUBLIC_URL: 'https://union.example.cn' })).toThrow(/AUDIT_KEY must decode/);
    expect(loadEnv({ NODE_ENV: 'development' }).auditKey.length).toBeGreaterThanOrEqual(32);
  });

  it('comes from the request in development when PUBLIC_URL is unset', () => {
    const dev = loadEnv({ NODE_ENV: 'development' });
    expect(requestEnv(dev, '192.168.1.5:3000', null).publicUrl).toBe('http://192.168.1.5:3000');
    // a forwarded scheme counts only behind a trusted proxy
    expect(requestEnv(dev, 'union.local', 'https').publicUrl).toBe('http://union.local');
    expect(requestEnv(loadEnv({ NODE_ENV: 'development', TRUST_PROXY: 'true' }), 'union.local', 'https').publicUrl).toBe('https://union.local');
    // a Host header that is not a host name is not trusted into a link
    expect(requestEnv(dev, 'evil.example/phish?x=', null).publicUrl).toBe(dev.publicUrl);
  });

  it('is PUBLIC_URL whenever it is set, whatever the request says', () => {
    const env = loadEnv({ NODE_ENV: 'development', PUBLIC_URL: 'https://union.example.cn' });
    expect(requestEnv(env, 'attacker.example', null).publicUrl).toBe('https://union.example.cn');
  });
});
