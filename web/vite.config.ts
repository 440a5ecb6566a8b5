/// <reference types="vitest/config" />
import { defineConfig, type Connect, type Plugin } from 'vite';
import tailwindcss from '@tailwindcss/vite';

// In production the C++ web service generates /config.js from its own
// configuration. `vite dev` and `vite preview` have no such service, so this
// plugin answers /config.js from env vars instead. It never writes the file
// into dist/, so a build cannot shadow the runtime one.
const apiUrl = process.env.MYSPACE_API_URL ?? 'http://localhost:4000/graphql';
// As under the web service, the auth service is reached through /auth on the
// page's own origin (proxied below to MYSPACE_AUTH_SERVICE_URL).
const authUrl = process.env.MYSPACE_AUTH_URL ?? '/auth';
const authServiceUrl = process.env.MYSPACE_AUTH_SERVICE_URL ?? 'http://127.0.0.1:3002';

const origins = [apiUrl, authUrl].filter((url) => /^https?:/.test(url)).map((url) => new URL(url).origin);

// Same policy the web service sends, so `vite preview` catches anything the
// production CSP would block (inline scripts or styles, unexpected origins).
const previewCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; " +
  `connect-src ${["'self'", ...new Set(origins)].join(' ')}; object-src 'none'; base-uri 'self'; ` +
  "form-action 'self'; frame-ancestors 'none'";

// What the web service's /auth/* proxy does, for `vite dev` and `vite preview`.
const authProxy = {
  '/auth': {
    target: authServiceUrl,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/auth/, ''),
    cookiePathRewrite: { '/': '/auth' },
  },
};

function devRuntimeConfig(): Plugin {
  const body = () => `window.__MYSPACE_CONFIG__ = Object.freeze(${JSON.stringify({ apiUrl, authUrl })});\n`;
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    if (req.url?.split('?')[0] !== '/config.js') return next();
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(body());
  };
  return {
    name: 'myspace-dev-runtime-config',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

export default defineConfig({
  plugins: [tailwindcss(), devRuntimeConfig()],
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark themselves "use client" for React Server Components;
        // meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Vendor code changes less often than ours; separate chunks cache better.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/]node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|ts-invariant|zen-observable)/.test(id)) return 'apollo';
          if (/[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/.test(id)) return 'react';
          return 'vendor';
        },
      },
    },
  },
  server: { proxy: authProxy },
  preview: {
    headers: { 'Content-Security-Policy': previewCsp },
    proxy: authProxy,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
