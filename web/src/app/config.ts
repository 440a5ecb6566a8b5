// Runtime configuration. The C++ web service serves /config.js, which sets
// window.__MYSPACE_CONFIG__ before the bundle runs; the same build can then
// point at any gateway. Without it (plain `vite dev`) the local defaults apply.

export interface RuntimeConfig {
  /** GraphQL endpoint of the gateway, e.g. http://localhost:4000/graphql */
  apiUrl: string;
  /**
   * Base URL of the auth service: by default "/auth", the web service's proxy
   * on the page's own origin (so the refresh cookie is first-party whether the
   * page was opened as localhost or 127.0.0.1); an absolute URL also works.
   */
  authUrl: string;
}

declare global {
  interface Window {
    __MYSPACE_CONFIG__?: Partial<RuntimeConfig>;
  }
}

export const DEFAULT_CONFIG: RuntimeConfig = Object.freeze({
  apiUrl: 'http://localhost:4000/graphql',
  authUrl: '/auth',
});

function pickUrl(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.trim() === '') return fallback;
  return value.trim();
}

export function readRuntimeConfig(
  source: unknown = typeof window === 'undefined' ? undefined : window.__MYSPACE_CONFIG__,
): RuntimeConfig {
  const raw = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  return {
    apiUrl: pickUrl(raw.apiUrl, DEFAULT_CONFIG.apiUrl),
    // Paths are appended to it ("/login"), so no trailing slash.
    authUrl: pickUrl(raw.authUrl, DEFAULT_CONFIG.authUrl).replace(/\/+$/, ''),
  };
}
