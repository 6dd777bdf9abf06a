// Runs before `npm start`: builds the web UI and the server bundle when they are missing or older than
// the sources, so a fresh clone starts with `npm install && npm start` and later starts skip the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const newest = (dir) => {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    latest = Math.max(latest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
};
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const shared = newest(path.join(root, 'src/shared'));
const serverBuilt = Math.min(
  mtime(path.join(root, 'dist/server/main.js')),
  mtime(path.join(root, 'dist/server/cpu-tasks.js')),
  mtime(path.join(root, 'dist/cli/main.js')),
);
if (
  serverBuilt < Math.max(shared, newest(path.join(root, 'src/server')), newest(path.join(root, 'src/cli')))
) {
  if (!fs.existsSync(path.join(root, 'node_modules', 'esbuild'))) {
    process.stdout.write('esbuild is not installed (dev dependencies omitted?): the server is not built.\n');
  } else {
    process.stdout.write('Building the server…\n');
    run(process.execPath, [path.join(root, 'scripts/build-server.mjs')]);
  }
}
const webBuilt = mtime(path.join(root, 'dist/web/index.html'));
if (webBuilt < Math.max(shared, newest(path.join(root, 'src/web')), mtime(path.join(root, 'index.html')))) {
  if (!fs.existsSync(bin('vite'))) {
    // An install without dev dependencies cannot build; it must ship dist/ from a build machine.
    process.stdout.write(
      'Vite is not installed (dev dependencies omitted?): the web interface is not built.\n',
    );
  } else {
    process.stdout.write('Building the web interface…\n');
    run(bin('vite'), ['build', '--logLevel', 'warn']);
  }
}
