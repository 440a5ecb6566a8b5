import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, readRuntimeConfig } from './config';

describe('readRuntimeConfig', () => {
  it('falls back to the local defaults when /config.js did not run', () => {
    expect(readRuntimeConfig(undefined)).toEqual(DEFAULT_CONFIG);
  });

  it('uses the values the web service provides', () => {
    expect(
      readRuntimeConfig({ apiUrl: 'https://api.example.com/graphql', authUrl: 'https://auth.example.com/' }),
    ).toEqual({ apiUrl: 'https://api.example.com/graphql', authUrl: 'https://auth.example.com' });
  });

  it('talks to the auth service through the page’s own origin by default', () => {
    expect(DEFAULT_CONFIG.authUrl).toBe('/auth');
    expect(readRuntimeConfig({ authUrl: '/auth/' }).authUrl).toBe('/auth');
  });

  it('ignores empty or non-string values field by field', () => {
    expect(readRuntimeConfig({ apiUrl: '', authUrl: 42 })).toEqual(DEFAULT_CONFIG);
    expect(readRuntimeConfig({ authUrl: 'http://auth:9000' })).toEqual({
      apiUrl: DEFAULT_CONFIG.apiUrl,
      authUrl: 'http://auth:9000',
    });
  });
});
