import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, loadConfig } from '../src/config';

describe('settings', () => {
  it('default to a local, unauthenticated bot on port 3978', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.MicrosoftAppId).toBe('');
    expect(config.ALLOWED_ORIGINS).toEqual([]);
  });

  it('read comma-separated origins and numbers from the environment', () => {
    const config = loadConfig({ PORT: '8080', ALLOWED_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' });
    expect(config.PORT).toBe(8080);
    expect(config.ALLOWED_ORIGINS).toEqual(['https://a.gov.cn', 'https://b.gov.cn']);
  });

  it('take an empty value as the default', () => {
    const config = loadConfig({ PORT: '', HOST: '', CONVERSATION_TTL_MINUTES: '' });
    expect(config).toMatchObject({ PORT: 3978, CONVERSATION_TTL_MINUTES: 60 });
    expect(config.HOST).toBeUndefined();
  });

  it('refuse a Direct Line secret too short to sign tokens', () => {
    expect(() => loadConfig({ DIRECTLINE_SECRET: 'short' })).toThrow(/at least 16 characters/);
    expect(loadConfig({ DIRECTLINE_SECRET: 'a'.repeat(32) }).DIRECTLINE_SECRET).toHaveLength(32);
  });

  it('refuse bad values with one message naming each', () => {
    expect(() => loadConfig({ PORT: 'eighty', ALLOWED_ORIGINS: 'not a url' })).toThrow(/PORT[\s\S]*ALLOWED_ORIGINS/);
  });

  it('are all documented in .env.example, and .env.example loads', () => {
    const example = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...CONFIG_KEYS].sort());
    const values = Object.fromEntries(example.split('\n').filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => l.split('=') as [string, string]));
    expect(() => loadConfig(values)).not.toThrow();
  });
});
