/**
 * Benchmark plumbing of @rill/client: scale selection, one child process per scenario (so peak
 * RSS is the scenario's own) and the one JSON line each scenario prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scale = 'smoke' | 'full';
export const scale: Scale = process.env.BENCH_SCALE === 'smoke' ? 'smoke' : 'full';

/** The smoke or the full-size value. */
export function sized<T>(smoke: T, full: T): T {
  return scale === 'smoke' ? smoke : full;
}

/** One result line: `ms` or `seconds` measured, a baseline measured or targeted in the same run, and their ratio. */
export interface BenchLine {
  readonly bench: string;
  readonly ms?: number;
  readonly seconds?: number;
  readonly baseline: string;
  readonly ratio: number | null;
  readonly [extra: string]: unknown;
}

export function emit(line: BenchLine): void {
  const out: Record<string, unknown> = {
    ...line,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    scale,
  };
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number') out[k] = round(v);
  process.stdout.write(JSON.stringify(out) + '\n');
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}

/** A fresh data directory under BENCH_DIR or the OS temp dir. */
export function scratchDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), `rill-client-bench-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Scenario = () => Promise<void>;

/** Parent: each selected scenario in its own child process. Child (`--scenario NAME`): that scenario. */
export async function main(scenarios: Record<string, Scenario>, entry: string): Promise<void> {
  const i = process.argv.indexOf('--scenario');
  if (i >= 0) {
    const name = process.argv[i + 1] ?? '';
    const scenario = scenarios[name];
    if (scenario === undefined) throw new Error(`unknown scenario ${name}`);
    await scenario();
    return;
  }
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  let failed = 0;
  for (const name of Object.keys(scenarios)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const r = spawnSync(process.execPath, [...process.execArgv, entry, '--scenario', name], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    if (r.status !== 0) {
      process.stderr.write(`scenario ${name} failed with status ${r.status}\n`);
      failed++;
    }
  }
  if (failed > 0) process.exit(1);
}
