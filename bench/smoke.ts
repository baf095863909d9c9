/**
 * Runs every workspace's benchmarks at BENCH_SCALE=smoke and checks that each prints
 * well-formed JSON lines with the fields docs/benchmarks.md relies on. Not a timing gate.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REQUIRED = ['bench', 'baseline', 'ratio', 'peak_rss_mb'] as const;
const root = join(import.meta.dirname, '..');
let failures = 0;
let scenarios = 0;

for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) continue;
  const scripts = JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {};
  if (!scripts.bench || !existsSync(join(dir, 'bench', 'run.ts'))) continue;
  const run = spawnSync('npm', ['run', '--silent', 'bench'], {
    cwd: dir,
    env: { ...process.env, BENCH_SCALE: 'smoke' },
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  process.stderr.write(run.stderr ?? '');
  if (run.status !== 0) {
    console.error(`bench in ${pkg} exited with ${run.status}`);
    failures++;
    continue;
  }
  for (const line of run.stdout.split('\n').filter((l) => l.trim().startsWith('{'))) {
    scenarios++;
    try {
      const row = JSON.parse(line) as Record<string, unknown>;
      const missing = REQUIRED.filter((k) => !(k in row));
      if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
      console.log(`ok ${pkg} ${String(row.bench)}: ${line}`);
    } catch (err) {
      console.error(`bad JSON line from ${pkg}: ${line} (${(err as Error).message})`);
      failures++;
    }
  }
}
console.log(`benchmark smoke: ${scenarios - failures} scenarios well-formed, ${failures} bad`);
if (failures > 0 || scenarios === 0) process.exit(1);
