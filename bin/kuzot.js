#!/usr/bin/env node
// The `kuzot` command. Runs the built CLI (dist/cli/main.js) when present, otherwise the TypeScript
// source through tsx (a development dependency), so it works in a checkout without a build.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);

if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'kuzot: the CLI is not built (dist/cli/main.js is missing) and tsx is not installed.\nRun `npm run build`, or `npm install` for development.\n',
    );
    process.exit(1);
  }
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
