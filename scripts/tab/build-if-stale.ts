import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm start`'s first step: builds the admin tab (tabs/dist) when it is missing or older than any file it is
 * built from, so a fresh clone and a pulled change both serve the current tab, and an unchanged one starts at once.
 */
const root = path.resolve(__dirname, '..', '..');
const built = path.join(root, 'tabs', 'dist', 'index.html');
const sources = ['tabs/src', 'tabs/index.html', 'tabs/vite.config.ts', 'api/contract', 'core/cards', 'core/audience/audience-spec.ts', 'package-lock.json'];

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((latest, name) => Math.max(latest, newest(path.join(target, name))), stat.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newest(path.join(root, source))));
if (builtAt >= changedAt) {
  process.stdout.write('The admin tab is up to date (tabs/dist).\n');
} else {
  process.stdout.write(builtAt === 0 ? 'Building the admin tab (tabs/dist)…\n' : 'The admin tab changed: rebuilding tabs/dist…\n');
  const result = spawnSync('npm', ['run', '--silent', 'build:tab'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('Building the admin tab failed; Herald starts without it (see the messages above).\n');
  }
}
