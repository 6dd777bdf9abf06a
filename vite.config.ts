import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantineUntyped from 'postcss-preset-mantine';
import type { AcceptedPlugin } from 'postcss';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig } from 'vite';

/** Path aliases shared with tsconfig.base.json; the e2e vitest config reuses them. */
export const webAliases = {
  '#web': fileURLToPath(new URL('./src/web', import.meta.url)),
  '#shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
};

const apiTarget = 'http://127.0.0.1:8080';

// The preset ships an untyped module declaration; this is its documented call signature.
const postcssPresetMantine = postcssPresetMantineUntyped as (
  options?: Record<string, unknown>,
) => AcceptedPlugin;

// Vite demands a default export for its config file.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: webAliases },
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
