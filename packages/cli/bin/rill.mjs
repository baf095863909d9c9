#!/usr/bin/env node
// Runs the built CLI when it exists; otherwise runs the TypeScript sources through tsx with the
// `source` export condition, so `npx rill ...` works in the repository without a build.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'main.js');

if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const tsx = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', tsx, join(root, 'src', 'main.ts'), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  // The child shuts down cleanly on these; this process only relays them and waits.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (signal === null ? 1 : (constants.signals[signal] ?? 1));
  });
}
