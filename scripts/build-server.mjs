// Bundles the server, the CLI and the CPU pool's worker-thread entry with esbuild: our code in, npm packages
// left external. `--outdir=DIR` builds elsewhere than dist/ (a test builds into a scratch folder).
import fs from 'node:fs';
import { build } from 'esbuild';

const entryPoints = { 'server/main': 'src/server/main.ts', 'server/cpu-tasks': 'src/server/cpu-tasks.ts' };
if (fs.existsSync('src/cli/main.ts')) entryPoints['cli/main'] = 'src/cli/main.ts';
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
