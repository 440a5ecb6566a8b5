import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// GraphiQL, built apart from the app: its own entry (graphiql/index.html) and
// output (graphiql/dist/), served by the gateway in development — the page at
// GET /graphql, its files as /graphiql/assets/… (dist/graphiql/assets/, so the
// gateway maps URL paths to files one to one). Nothing of it enters web/dist.
export default defineConfig({
  root: fileURLToPath(new URL('./graphiql', import.meta.url)),
  base: '/',
  esbuild: { jsx: 'automatic' },
  // Monaco's workers are ES modules (they import chunks).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'graphiql/assets',
    sourcemap: false,
    target: 'es2022',
    // Monaco is large; that is expected for a development tool.
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
