/**
 * Benchmark plumbing shared by every package's `bench/`: scale selection, one child process per
 * scenario (so peak RSS and CPU are the scenario's own), and the one JSON line each scenario prints.
 * Dev-only: no production package depends on it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Scale = 'smoke' | 'full';
export const scale: Scale = process.env.BENCH_SCALE === 'smoke' ? 'smoke' : 'full';

/** Pick the smoke or the full-size value. */
export function sized<T>(smoke: T, full: T): T {
  return scale === 'smoke' ? smoke : full;
}

/** One result line: what was measured, the baseline measured (or targeted) in the same run, and their ratio. */
export interface BenchLine {
  readonly bench: string;
  readonly baseline: string;
  readonly ratio: number | null;
  readonly records_per_s?: number;
  readonly mb_per_s?: number;
  readonly seconds?: number;
  readonly ms?: number;
  readonly baseline_records_per_s?: number;
  readonly baseline_mb_per_s?: number;
  /** Defaults to this process's peak RSS. */
  readonly peak_rss_mb?: number;
  readonly [extra: string]: unknown;
}

/** This process's peak resident set size in MB (resourceUsage().maxRSS is KiB on Linux). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Print one scenario's JSON line, numbers rounded, with peak RSS and the scale added. */
export function emit(line: BenchLine): void {
  const out: Record<string, unknown> = { ...line, peak_rss_mb: line.peak_rss_mb ?? peakRssMb(), scale };
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number') out[k] = round(v);
  process.stdout.write(JSON.stringify(out) + '\n');
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}

/** A fresh directory for a scenario's data, under BENCH_DIR or the OS temp dir. */
export function scratchDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), `rill-bench-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** CPU seconds this process used while `fn` ran, and the wall seconds. */
export async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { result, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

export type Scenario = () => Promise<void>;

/**
 * Parent: run each scenario (or those named on the command line) in its own child process.
 * Child (`--scenario NAME`): run that one scenario.
 */
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
