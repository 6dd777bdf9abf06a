// Bundles the server and the CLI with esbuild: our code in, npm packages left external.
import fs from 'node:fs';
import { build } from 'esbuild';

const entryPoints = { 'server/main': 'src/server/main.ts' };
if (fs.existsSync('src/cli/main.ts')) entryPoints['cli/main'] = 'src/cli/main.ts';

await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
